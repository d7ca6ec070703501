-- force-start: frees an exchange whose holder is late or dead so a standby can take it over.
-- Deletes the lease only if it is still the one the operator saw (or already gone), bumps the
-- fencing epoch so the old holder is fenced if it comes back, clears a stop intent, and logs takeover.
-- KEYS[1] exchange:{x}:instance   KEYS[2] exchange:{x}:epoch   KEYS[3] exchange:{x}:intent
-- KEYS[4] logs:network:{x}
-- ARGV[1] the opening of the observed lease's records (see holds in the prelude; an empty
--         instanceId when no lease was seen)
-- ARGV[2] MAXLEN ~ cap   ARGV[3] MINID ~ cutoff   ARGV[4..] takeover entry field/value pairs
-- Returns 'ok:' and the new epoch when freed, 'held:' and the current value when the lease changed
-- meanwhile.
local current = redis.call('GET', KEYS[1])
if current then
  if not holds(current, ARGV[1]) then
    return reply('held', current)
  end
  redis.call('DEL', KEYS[1])
end
local epoch = redis.call('INCR', KEYS[2])
redis.call('DEL', KEYS[3])
local entry = {}
for i = 4, #ARGV do entry[#entry + 1] = ARGV[i] end
entry[#entry + 1] = 'epoch'
entry[#entry + 1] = tostring(epoch)
append(KEYS[4], ARGV[2], ARGV[3], entry)
return reply('ok', string.format('%d', epoch))
