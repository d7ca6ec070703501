-- Loaded in front of every lease script (LuaScript joins it to each file), so that the ownership
-- check, the activity append and the reply are written once.
--
-- holds(current, opening): true when the stored record `current` belongs to the lease whose records
--   start with `opening` ({"instanceId":<id>,"exchange":<x>,"epoch":<n>,). Every record Perseus
--   writes starts that way, so comparing the opening is the check; decoding (cjson costs more than
--   the rest of a heartbeat) is left to a record in another field order, written by another tool,
--   which is still ours when its instanceId and epoch match.
-- append(stream, maxLen, minId, fields): XADD with MAXLEN ~ and XTRIM MINID ~ of one entry given as
--   a flat field/value list.
-- reply(status, payload): the one reply shape of every script, a status word followed by ':' and
--   the payload when there is one ('ok', 'ok:7', 'held:{...}', 'gone:').
local function holds(current, opening)
  if string.sub(current, 1, #opening) == opening then
    return true
  end
  local ok, holder = pcall(cjson.decode, current)
  local mine = cjson.decode(string.sub(opening, 1, -2) .. '}')
  return ok and type(holder) == 'table' and holder['instanceId'] == mine['instanceId']
    and tostring(holder['epoch']) == tostring(mine['epoch'])
end

local function append(stream, maxLen, minId, fields)
  redis.call('XADD', stream, 'MAXLEN', '~', maxLen, '*', unpack(fields))
  redis.call('XTRIM', stream, 'MINID', '~', minId)
end

local function reply(status, payload)
  if payload == nil then
    return status
  end
  return status .. ':' .. payload
end
