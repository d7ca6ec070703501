-- Claims an exchange's lease if nobody holds it: a new fencing epoch, the record, :last and the
-- registered (or takeover) entry in one step.
-- KEYS[1] exchange:{x}:instance   KEYS[2] exchange:{x}:last
-- KEYS[3] exchange:{x}:epoch      KEYS[4] logs:network:{x}   KEYS[5] exchange:{x}:intent
-- ARGV[1] owner record JSON with "epoch":0; the new epoch replaces that 0 in the text, so the
--         stored record keeps the field order Perseus writes (renewals compare its opening)
-- ARGV[2] the claim's terms as one JSON object (every script argument costs the client time):
--   ttl       lease TTL in ms   maxLen  stream MAXLEN ~ cap   minId  stream MINID ~ cutoff
--   node      node name allowed to take over its own orphaned lease ('' = none: a normal claim)
--   host      hostname of the claimant (a fast restart must come from the same host)
--   minEpoch  lowest epoch acceptable (fencing stays monotonic even after Redis lost its counter)
--   holdBack  true to hold back when the epoch counter is missing although an epoch was seen
--             before (Redis lost its data: the owners re-claim first)
--   entry     field/value pairs of the 'registered' entry, without epoch
-- Returns 'ok:' and the epoch when claimed; 'took-over:' and the epoch when a restarted instance
-- took over its own orphaned lease (same node name and host); 'held:', the lease's PTTL in ms, ':'
-- and the holder's record when someone else holds it (a standby may try again when it expires); 'stopped:' and the intent when an operator stopped the exchange (nobody
-- may claim it until a start); 'held-back' when Redis lost its data and this (standby) claim must
-- give the owner time to re-claim.
local terms = cjson.decode(ARGV[2])
local holder = redis.call('GET', KEYS[1])
local takeover = false
if holder then
  if terms['node'] == '' then
    return reply('held', redis.call('PTTL', KEYS[1]) .. ':' .. holder)
  end
  local ok, h = pcall(cjson.decode, holder)
  if not (ok and type(h) == 'table' and h['nodeName'] == terms['node'] and h['hostname'] == terms['host']) then
    return reply('held', redis.call('PTTL', KEYS[1]) .. ':' .. holder)
  end
  takeover = true
end
local intent = redis.call('GET', KEYS[5])
if intent then
  return reply('stopped', intent)
end
if terms['holdBack'] and redis.call('EXISTS', KEYS[3]) == 0 then
  return reply('held-back')
end
local epoch = redis.call('INCR', KEYS[3])
if epoch < tonumber(terms['minEpoch']) then
  epoch = tonumber(terms['minEpoch'])
  redis.call('SET', KEYS[3], epoch)
end
local at = string.find(ARGV[1], '"epoch":0', 1, true)
if not at then
  return redis.error_reply('claim.lua: the owner record has no "epoch":0 to replace')
end
local json = string.sub(ARGV[1], 1, at + 7) .. string.format('%d', epoch) .. string.sub(ARGV[1], at + 9)
redis.call('SET', KEYS[1], json, 'PX', terms['ttl'])
redis.call('SET', KEYS[2], json)
local entry = terms['entry']
if takeover then
  for i = 1, #entry, 2 do
    if entry[i] == 'type' then entry[i + 1] = 'takeover' end
    if entry[i] == 'message' then entry[i + 1] = 'restarted on the same node: took over its orphaned lease' end
  end
end
entry[#entry + 1] = 'epoch'
entry[#entry + 1] = tostring(epoch)
append(KEYS[4], terms['maxLen'], terms['minId'], entry)
if takeover then
  return reply('took-over', string.format('%d', epoch))
end
return reply('ok', string.format('%d', epoch))
