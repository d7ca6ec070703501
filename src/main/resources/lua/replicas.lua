-- How many replicas of the node that serves KEYS[1] (the exchange's lease key) are online: the
-- replica count that 'auto' acknowledgement waits for. Reads INFO replication; writes nothing.
-- KEYS[1] exchange:{x}:instance (only to route the call to the right master in a cluster)
-- Returns the number of replicas in state=online.
local info = redis.call('INFO', 'replication')
local online = 0
for _ in string.gmatch(info, 'slave%d+:[^\r\n]*state=online') do
  online = online + 1
end
return online
