-- How many replicas of the node that serves KEYS[1] (the exchange's lease key) are online, and
-- that node's run id: what 'auto' acknowledgement decides by. Reads INFO; writes nothing.
-- KEYS[1] exchange:{x}:instance (only to route the call to the right master in a cluster)
-- Returns { replicas in state=online, run_id } (the run id tells a master the sentinels name
-- from a former master that came back on its own).
local info = redis.call('INFO', 'replication')
local online = 0
for _ in string.gmatch(info, 'slave%d+:[^\r\n]*state=online') do
  online = online + 1
end
local runId = string.match(redis.call('INFO', 'server'), 'run_id:(%x+)') or ''
return { online, runId }
