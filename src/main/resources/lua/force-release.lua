-- force-start: frees an exchange whose holder is late or dead so a standby can take it over.
-- Deletes the lease only if it is still the one the operator saw (or already gone), bumps the
-- fencing epoch so the old holder is fenced if it comes back, clears a stop intent, and logs takeover.
-- KEYS[1] exchange:{x}:instance   KEYS[2] exchange:{x}:epoch   KEYS[3] exchange:{x}:intent
-- KEYS[4] logs:network:{x}
-- ARGV[1] observed instanceId ('' when no lease was seen)   ARGV[2] observed epoch
-- ARGV[3] MAXLEN ~ cap   ARGV[4] MINID ~ cutoff   ARGV[5..] takeover entry field/value pairs
-- Returns {1, new epoch} when freed, {0, current holder} when the lease changed meanwhile.
local current = redis.call('GET', KEYS[1])
if current then
  local ok, holder = pcall(cjson.decode, current)
  if not (ok and type(holder) == 'table' and holder['instanceId'] == ARGV[1] and tostring(holder['epoch']) == ARGV[2]) then
    return {0, current}
  end
  redis.call('DEL', KEYS[1])
end
local epoch = redis.call('INCR', KEYS[2])
redis.call('DEL', KEYS[3])
local entry = {}
for i = 5, #ARGV do entry[#entry + 1] = ARGV[i] end
entry[#entry + 1] = 'epoch'
entry[#entry + 1] = tostring(epoch)
redis.call('XADD', KEYS[4], 'MAXLEN', '~', ARGV[3], '*', unpack(entry))
redis.call('XTRIM', KEYS[4], 'MINID', '~', ARGV[4])
return {1, epoch}
