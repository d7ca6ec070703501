-- Rewrites the owner record and renews its TTL only while this instance still owns the lease
-- (same instanceId and epoch): every heartbeat (three keys, nothing else) and every state change
-- (four keys: the state_changed entry is appended in the same step).
-- KEYS[1] exchange:{x}:instance   KEYS[2] exchange:{x}:last   KEYS[3] exchange:{x}:epoch
-- KEYS[4] logs:network:{x}, only with an entry
-- ARGV[1] the opening Perseus writes for this lease: {"instanceId":<id>,"exchange":<x>,"epoch":<n>,
-- ARGV[2] owner record JSON   ARGV[3] lease TTL in ms
-- ARGV[4] stream MAXLEN ~ cap   ARGV[5] stream MINID ~ cutoff   ARGV[6..] entry field/value pairs
--         (only with KEYS[4])
-- Returns 'ok' when written; 'held:' and the current value when another owner or epoch holds the
-- lease; 'gone:' and the epoch counter ('' when absent) when there is no lease (an absent or
-- smaller counter means Redis lost its data).
local current = redis.call('GET', KEYS[1])
if not current then
  return reply('gone', redis.call('GET', KEYS[3]) or '')
end
if not holds(current, ARGV[1]) then
  return reply('held', current)
end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
redis.call('SET', KEYS[2], ARGV[2])
if KEYS[4] then
  local entry = {}
  for i = 6, #ARGV do entry[#entry + 1] = ARGV[i] end
  append(KEYS[4], ARGV[4], ARGV[5], entry)
end
return reply('ok')
