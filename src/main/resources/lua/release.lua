-- Releases the lease, only while this instance still owns it (compare-and-delete), keeping the
-- final record in :last and logging its entries in the same step; for a clean handoff it also
-- picks the standby and tells the standbys, so nothing is left between the release and the notice.
-- KEYS[1] exchange:{x}:instance   KEYS[2] exchange:{x}:last   KEYS[3] logs:network:{x}
-- KEYS[4] exchange:{x}:standbys   KEYS[5] exchange:{x}:prepared
-- ARGV[1] the opening of this lease's records (see holds in the prelude)
-- ARGV[2] final owner record JSON   ARGV[3] stream MAXLEN ~ cap   ARGV[4] stream MINID ~ cutoff
-- ARGV[5] handoff channel ('' = no notice)   ARGV[6] the notice's JSON without its closing '}'
--         (the script adds "to", and this master's online replica count and run id)
-- ARGV[7] the standby to name ('' = the first warm one, else the first; none: any)
-- ARGV[8] now in ms (live standbys are scored after it)
-- ARGV[9] how many entries follow; each is a count of field/value pairs, then the pairs, appended in
--         order (none, as when a claim no replica acknowledged is withdrawn). When the script picks
--         the standby, the last entry's message gains ", for a handoff to <id> on <host>".
-- Returns 'ok:' and the standby named (maybe empty; 'id|host' when the script picked it) when released; 'held:' and the current value
-- when another owner or epoch holds the lease, 'gone:' when there is none (nothing is written).
local current = redis.call('GET', KEYS[1])
if not current then
  return reply('gone', '')
end
if not holds(current, ARGV[1]) then
  return reply('held', current)
end
redis.call('DEL', KEYS[1])
redis.call('SET', KEYS[2], ARGV[2])

local to, host = ARGV[7], nil
if ARGV[5] ~= '' and to == '' then
  local first, warm = nil, nil
  for _, member in ipairs(redis.call('ZRANGEBYSCORE', KEYS[4], '(' .. ARGV[8], '+inf')) do
    first = first or member
    if not warm and redis.call('HGET', KEYS[5], string.match(member, '^[^|]*')) == '100' then
      warm = member
    end
  end
  local chosen = warm or first
  if chosen then
    to = string.match(chosen, '^[^|]*')
    host = string.match(chosen, '|(.*)$') or ''
  end
end

local entries = tonumber(ARGV[9] or '0') or 0
local at = 10
for e = 1, entries do
  local count = tonumber(ARGV[at])
  local fields = {}
  for i = at + 1, at + 2 * count do fields[#fields + 1] = ARGV[i] end
  if e == entries and host then
    for i = 1, #fields - 1, 2 do
      if fields[i] == 'message' then
        fields[i + 1] = fields[i + 1] .. ', for a handoff to ' .. to .. ' on ' .. host
      end
    end
  end
  append(KEYS[3], ARGV[3], ARGV[4], fields)
  at = at + 1 + 2 * count
end

if ARGV[5] ~= '' then
  local notice = ARGV[6]
  if to ~= '' then notice = notice .. ',"to":' .. cjson.encode(to) end
  -- What 'auto' replica acknowledgement asks before a claim, fresh from this master: the standby
  -- that claims next needs no round trip of its own for it.
  local online = 0
  for _ in string.gmatch(redis.call('INFO', 'replication'), 'slave%d+:[^\r\n]*state=online') do
    online = online + 1
  end
  local runId = string.match(redis.call('INFO', 'server'), 'run_id:(%x+)') or ''
  notice = notice .. ',"replicas":' .. online .. ',"runId":' .. cjson.encode(runId)
  redis.call('PUBLISH', ARGV[5], notice .. '}')
end
if host then return reply('ok', to .. '|' .. host) end
return reply('ok', to)
