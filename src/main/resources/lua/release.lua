-- Releases the lease on shutdown, only while this instance still owns it (compare-and-delete),
-- keeping the final record in :last and logging the entry in the same step.
-- KEYS[1] exchange:{x}:instance   KEYS[2] exchange:{x}:last   KEYS[3] logs:network:{x}
-- ARGV[1] instanceId   ARGV[2] epoch   ARGV[3] final owner record JSON
-- ARGV[4] stream MAXLEN ~ cap   ARGV[5] stream MINID ~ cutoff   ARGV[6..] entry field/value pairs
-- Returns 1 when released, 0 when the lease was not ours (nothing is written then).
local current = redis.call('GET', KEYS[1])
if not current then
  return 0
end
local ok, holder = pcall(cjson.decode, current)
if not ok or type(holder) ~= 'table' or holder['instanceId'] ~= ARGV[1] or tostring(holder['epoch']) ~= ARGV[2] then
  return 0
end
redis.call('DEL', KEYS[1])
redis.call('SET', KEYS[2], ARGV[3])
local entry = {}
for i = 6, #ARGV do entry[#entry + 1] = ARGV[i] end
redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[4], '*', unpack(entry))
redis.call('XTRIM', KEYS[3], 'MINID', '~', ARGV[5])
return 1
