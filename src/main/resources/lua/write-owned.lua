-- Rewrites the owner record and renews its TTL only while this instance still owns the lease
-- (same instanceId and epoch); used by every heartbeat and every state change.
-- KEYS[1] exchange:{x}:instance   KEYS[2] exchange:{x}:last   KEYS[3] logs:network:{x}
-- KEYS[4] exchange:{x}:epoch
-- ARGV[1] instanceId   ARGV[2] epoch   ARGV[3] owner record JSON   ARGV[4] lease TTL in ms
-- ARGV[5] stream MAXLEN ~ cap   ARGV[6] stream MINID ~ cutoff
-- ARGV[7..] optional field/value pairs of an activity entry written with the record
-- Returns {1} when written, {0, current value or false, epoch counter or false} when the lease is
-- no longer ours (an absent or smaller epoch counter means Redis lost its data).
local current = redis.call('GET', KEYS[1])
if not current then
  return {0, false, redis.call('GET', KEYS[4])}
end
local ok, holder = pcall(cjson.decode, current)
if not ok or type(holder) ~= 'table' or holder['instanceId'] ~= ARGV[1] or tostring(holder['epoch']) ~= ARGV[2] then
  return {0, current}
end
redis.call('SET', KEYS[1], ARGV[3], 'PX', ARGV[4])
redis.call('SET', KEYS[2], ARGV[3])
if #ARGV > 6 then
  local entry = {}
  for i = 7, #ARGV do entry[#entry + 1] = ARGV[i] end
  redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[5], '*', unpack(entry))
  redis.call('XTRIM', KEYS[3], 'MINID', '~', ARGV[6])
end
return {1}
