-- Appends one activity entry and applies both retention rules in one round trip.
-- KEYS[1] logs:network:{x}
-- ARGV[1] MAXLEN ~ cap   ARGV[2] MINID ~ cutoff (ms-0)   ARGV[3..] entry field/value pairs
-- Returns the new entry's id.
local entry = {}
for i = 3, #ARGV do entry[#entry + 1] = ARGV[i] end
local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', unpack(entry))
redis.call('XTRIM', KEYS[1], 'MINID', '~', ARGV[2])
return id
