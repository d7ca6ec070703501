-- Records that a lease ran out without a release, once per epoch network-wide: the first watcher to
-- see the expiry sets the death mark and appends lease_expired in one step; every later one, and a
-- watcher whose picture is stale (the lease is back, or another claim or a force-start has moved
-- the epoch on), writes nothing.
-- KEYS[1] exchange:{x}:death-noticed:<epoch>   KEYS[2] exchange:{x}:instance
-- KEYS[3] exchange:{x}:epoch   KEYS[4] logs:network:{x}
-- ARGV[1] the expired lease's epoch   ARGV[2] how long the mark is kept, in ms
-- ARGV[3] stream MAXLEN ~ cap   ARGV[4] stream MINID ~ cutoff
-- ARGV[5..] the lease_expired entry's field/value pairs
-- Returns 'ok' when recorded; 'seen' when another watcher recorded it; 'held' when a lease exists;
-- 'moved' when the epoch is no longer the expired lease's.
if redis.call('EXISTS', KEYS[2]) == 1 then
  return reply('held')
end
local epoch = redis.call('GET', KEYS[3])
if epoch and epoch ~= ARGV[1] then
  return reply('moved')
end
if not redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[2]) then
  return reply('seen')
end
local entry = {}
for i = 5, #ARGV do entry[#entry + 1] = ARGV[i] end
append(KEYS[4], ARGV[3], ARGV[4], entry)
return reply('ok')
