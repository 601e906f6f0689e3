-- sysbench script that reports the TLS version and cipher of one connection made exactly as the benchmark's
-- connections are (same driver, same --mysql-* options), because `--mysql-ssl=on` silently falls back to plain
-- TCP when the server does not offer TLS. Usage: sysbench tls-probe.lua --db-driver=mysql --mysql-... probe

local function status_value(con, name)
   -- SHOW SESSION STATUS is MySQL's per-connection view; Ssl_version/Ssl_cipher are empty on a plain connection.
   local ok, _, value = pcall(con.query_row, con, "SHOW SESSION STATUS LIKE '" .. name .. "'")
   if not ok then
      return nil
   end
   return value or ""
end

local function probe()
   local con = sysbench.sql.driver():connect()
   local version = status_value(con, "Ssl_version")
   local cipher = status_value(con, "Ssl_cipher")
   if version == nil or cipher == nil then
      print("TLS_PROBE=unsupported")
   elseif cipher == "" then
      print("TLS_PROBE=plain")
   else
      print("TLS_PROBE=" .. version .. "/" .. cipher)
   end
   con:disconnect()
end

sysbench.cmdline.commands = {
   probe = { probe }
}
