-- Releases the lease on shutdown, only while this instance still owns it (compare-and-delete),
-- keeping the final record in :last and logging the entry in the same step.
-- KEYS[1] exchange:{x}:instance   KEYS[2] exchange:{x}:last   KEYS[3] logs:network:{x}
-- ARGV[1] the opening of this lease's records (see holds in the prelude)
-- ARGV[2] final owner record JSON   ARGV[3] stream MAXLEN ~ cap   ARGV[4] stream MINID ~ cutoff
-- ARGV[5..] entry field/value pairs (none: nothing is appended, as when a claim no replica
--           acknowledged is withdrawn)
-- Returns 'ok' when released; 'held:' and the current value when another owner or epoch holds the
-- lease, 'gone:' when there is none (nothing is written then).
local current = redis.call('GET', KEYS[1])
if not current then
  return reply('gone', '')
end
if not holds(current, ARGV[1]) then
  return reply('held', current)
end
redis.call('DEL', KEYS[1])
redis.call('SET', KEYS[2], ARGV[2])
if #ARGV > 4 then
  local entry = {}
  for i = 5, #ARGV do entry[#entry + 1] = ARGV[i] end
  append(KEYS[3], ARGV[3], ARGV[4], entry)
end
return reply('ok')
