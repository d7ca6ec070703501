-- Claims an exchange's lease if nobody holds it.
-- KEYS[1] exchange:{x}:instance   KEYS[2] exchange:{x}:last
-- KEYS[3] exchange:{x}:epoch      KEYS[4] logs:network:{x}   KEYS[5] exchange:{x}:intent
-- ARGV[1] owner record JSON (its epoch is replaced by the new one)
-- ARGV[2] lease TTL in ms   ARGV[3] stream MAXLEN ~ cap   ARGV[4] stream MINID ~ cutoff
-- ARGV[5..] field/value pairs of the 'registered' entry, without epoch
-- Returns {1, epoch} when claimed, {0, holder record} when held by someone else, {2, intent}
-- when an operator stopped the exchange (nobody may claim it until a start).
local holder = redis.call('GET', KEYS[1])
if holder then
  return {0, holder}
end
local intent = redis.call('GET', KEYS[5])
if intent then
  return {2, intent}
end
local epoch = redis.call('INCR', KEYS[3])
local record = cjson.decode(ARGV[1])
record['epoch'] = epoch
local json = cjson.encode(record)
redis.call('SET', KEYS[1], json, 'PX', ARGV[2])
redis.call('SET', KEYS[2], json)
local entry = {}
for i = 5, #ARGV do entry[#entry + 1] = ARGV[i] end
entry[#entry + 1] = 'epoch'
entry[#entry + 1] = tostring(epoch)
redis.call('XADD', KEYS[4], 'MAXLEN', '~', ARGV[3], '*', unpack(entry))
redis.call('XTRIM', KEYS[4], 'MINID', '~', ARGV[4])
return {1, epoch}
