-- Claims an exchange's lease if nobody holds it.
-- KEYS[1] exchange:{x}:instance   KEYS[2] exchange:{x}:last
-- KEYS[3] exchange:{x}:epoch      KEYS[4] logs:network:{x}   KEYS[5] exchange:{x}:intent
-- ARGV[1] owner record JSON (its epoch is replaced by the new one)
-- ARGV[2] lease TTL in ms   ARGV[3] stream MAXLEN ~ cap   ARGV[4] stream MINID ~ cutoff
-- ARGV[5] node name allowed to take over its own orphaned lease ('' = none: a normal claim)
-- ARGV[6] hostname of the claimant (a fast restart must come from the same host)
-- ARGV[7] lowest epoch acceptable (fencing stays monotonic even after Redis lost its counter)
-- ARGV[8] '1' to hold back when the epoch counter is missing although an epoch was seen before
--         (Redis lost its data: the owners re-claim first)
-- ARGV[9..] field/value pairs of the 'registered' entry, without epoch
-- Returns {1, epoch} when claimed, {0, holder record} when held by someone else, {2, intent}
-- when an operator stopped the exchange (nobody may claim it until a start), {3, epoch, previous
-- holder} when a restarted instance took over its own orphaned lease (same node name and host),
-- {4} when Redis lost its data and this (standby) claim must give the owner time to re-claim.
local holder = redis.call('GET', KEYS[1])
local takeover = false
if holder then
  if ARGV[5] == '' then
    return {0, holder}
  end
  local ok, h = pcall(cjson.decode, holder)
  if not (ok and type(h) == 'table' and h['nodeName'] == ARGV[5] and h['hostname'] == ARGV[6]) then
    return {0, holder}
  end
  takeover = true
end
local intent = redis.call('GET', KEYS[5])
if intent then
  return {2, intent}
end
if ARGV[8] == '1' and redis.call('EXISTS', KEYS[3]) == 0 then
  return {4}
end
local epoch = redis.call('INCR', KEYS[3])
if epoch < tonumber(ARGV[7]) then
  epoch = tonumber(ARGV[7])
  redis.call('SET', KEYS[3], epoch)
end
local record = cjson.decode(ARGV[1])
record['epoch'] = epoch
local json = cjson.encode(record)
redis.call('SET', KEYS[1], json, 'PX', ARGV[2])
redis.call('SET', KEYS[2], json)
local entry = {}
for i = 9, #ARGV do entry[#entry + 1] = ARGV[i] end
if takeover then
  for i = 1, #entry, 2 do
    if entry[i] == 'type' then entry[i + 1] = 'takeover' end
    if entry[i] == 'message' then entry[i + 1] = 'restarted on the same node: took over its orphaned lease' end
  end
end
entry[#entry + 1] = 'epoch'
entry[#entry + 1] = tostring(epoch)
redis.call('XADD', KEYS[4], 'MAXLEN', '~', ARGV[3], '*', unpack(entry))
redis.call('XTRIM', KEYS[4], 'MINID', '~', ARGV[4])
if takeover then
  return {3, epoch, holder}
end
return {1, epoch}
