-- neovim_test.lua - pyreview in a real Neovim (0.7+), headless.
--
-- Run by run_editor.sh neovim, never by hand against the fixture in the repository:
--   PYREVIEW=/abs/pyreview PR_TEST_FILE=/tmp/x/app/sync.py PR_WORK_DIR=/tmp/x \
--   PR_SERVER_LOG=/tmp/x/server.stderr \
--     nvim --headless -u NONE -i NONE -n -S neovim_test.lua
--
-- What it checks, through Neovim's own LSP client (vim.lsp.start_client, the
-- 0.7 API; no plugins):
--   1. "open": after didOpen, the diagnostics the server publishes for the
--      opened version are exactly EXPECT_OPEN, every one with source "pyreview";
--   2. "edit": two buffer edits, each its own didChange (one removes a finding
--      and shifts the lines below it, one appends a function with a new
--      finding); the diagnostics published for the final version are exactly
--      the step's `expect`;
--   3. "fix": two more edits narrow the remaining handlers; the server must
--      publish an empty list and Neovim must show no diagnostic any more;
--   4. "quickfix": a new finding with a fix (DED003), then vim.lsp.buf.code_action
--      with the menu answered by a stubbed vim.ui.select: the buffer must read
--      the fixed text and the server must publish an empty list;
--   5. the server answers shutdown, exits on exit, and its exit code is 0
--      (under the sanitizer build a leak or UB report makes it non-zero).
--
-- Synchronisation: no sleeps. A wrapper around the publishDiagnostics handler
-- records the `version` of each publish; the test polls with vim.wait until the
-- server has published for the version Neovim last sent (util.buf_versions),
-- then reads vim.diagnostic.get(). Every wait is bounded (PR_STEP_TIMEOUT_MS)
-- and also ends early when the server process exits.
--
-- Output: one line per step on stdout ("OK ..." / "FAIL: ..."); exit 0 when
-- every check passed, 1 otherwise (:cquit).

-- The fixture's expected findings, "CODE@line" with 1-based lines. Keep them in
-- step with fixture/app/sync.py and with eglot_test.el.
local EXPECT_OPEN = { "ERR002@14", "ERR002@41" }
local EXPECT_SOURCE = "pyreview"

-- Each change either replaces line `line` (which must read `old`) with the
-- lines `new`, or appends the lines `append` at the end of the buffer.
local STEPS = {
  {
    name = "edit",
    changes = {
      -- load_cache's swallowing `pass` becomes a log + raise, which handles the
      -- exception: ERR002@14 goes away and every later line moves down by one.
      { line = 15, old = "        pass", new = {
        '        logger.exception("cannot read the order cache at %s", path)',
        "        raise",
      } },
      -- a new function whose handler swallows everything: a new ERR002.
      { append = {
        "",
        "",
        "def close_quietly(client):",
        '    """Close ``client``; a failure to close is not worth reporting."""',
        "    try:",
        "        client.close()",
        "    except Exception:",
        "        pass",
      } },
    },
    expect = { "ERR002@42", "ERR002@54" },
  },
  {
    name = "fix",
    changes = {
      -- narrow exceptions are not swallowed-exception findings
      { line = 42, old = "        except Exception:", new = { "        except ConnectionError:" } },
      { line = 54, old = "    except Exception:", new = { "    except OSError:" } },
    },
    expect = {},
  },
}

local function out(s) io.stdout:write(s .. "\n") end

local failed = false
local function fail(msg)
  failed = true
  out("FAIL: " .. msg)
end

local t0 = vim.loop.hrtime()
local function ms() return math.floor((vim.loop.hrtime() - t0) / 1e6) end

local function main()
  local file = assert(os.getenv("PR_TEST_FILE"), "PR_TEST_FILE is not set")
  local root = assert(os.getenv("PR_WORK_DIR"), "PR_WORK_DIR is not set")
  assert(os.getenv("PYREVIEW"), "PYREVIEW is not set")
  -- stderr of the server goes to a file the run script prints on failure.
  local log = os.getenv("PR_SERVER_LOG") or "/dev/null"
  local timeout = tonumber(os.getenv("PR_STEP_TIMEOUT_MS") or "15000")

  vim.cmd("edit " .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].filetype = "python" -- -u NONE: no filetype detection; didOpen's languageId comes from it
  local uri = vim.uri_from_bufnr(buf)

  local published = {} -- uri -> { version = ..., count = ... } of the last publish
  local exited = nil   -- { code = ..., signal = ... } once the server process has ended

  local client_id = vim.lsp.start_client({
    name = "pyreview",
    cmd = { "/bin/sh", "-c", 'exec "$PYREVIEW" serve 2>>"$1"', "pyreview-serve", log },
    root_dir = root,
    flags = { debounce_text_changes = 0 },
    handlers = {
      ["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
        vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
        local p = published[result.uri] or { count = 0 }
        p.count = p.count + 1
        p.version = result.version
        published[result.uri] = p
      end,
    },
    on_exit = function(code, signal) exited = { code = code, signal = signal } end,
  })
  if not client_id then return fail("vim.lsp.start_client returned nil") end
  if not vim.lsp.buf_attach_client(buf, client_id) then -- initialize, then didOpen
    return fail("vim.lsp.buf_attach_client failed")
  end

  local function diagnostics()
    local got, bad_source = {}, {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
      table.insert(got, ("%s@%d"):format(tostring(code), d.lnum + 1))
      if d.source ~= EXPECT_SOURCE then
        table.insert(bad_source, ("%s@%d has source %s"):format(tostring(code), d.lnum + 1, tostring(d.source)))
      end
    end
    table.sort(got)
    return got, bad_source
  end
  local function dump(tag)
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      out(("  %s %d:%d %s %s (%s)"):format(tag, d.lnum + 1, d.col + 1, tostring(d.code), d.message, tostring(d.source)))
    end
  end
  local function same(expected, got)
    local e = vim.deepcopy(expected)
    table.sort(e)
    return table.concat(e, ", ") == table.concat(got, ", "), table.concat(e, ", ")
  end

  -- Waits until the server has published diagnostics for the version Neovim
  -- last sent for the buffer. false and a reason on timeout or server exit.
  local function wait_for_publish(what)
    local want
    local ok = vim.wait(timeout, function()
      want = vim.lsp.util.buf_versions[buf]
      local p = published[uri]
      return exited ~= nil or (p ~= nil and want ~= nil and p.version == want)
    end, 20)
    if exited then
      return false, ("server exited (code %s, signal %s) before publishing diagnostics %s")
        :format(tostring(exited.code), tostring(exited.signal), what)
    end
    if not ok then
      local seen = {}
      for u, p in pairs(published) do
        table.insert(seen, ("%s version %s x%d"):format(u, tostring(p.version), p.count))
      end
      local hint = want == nil and " (Neovim never sent didOpen: did the server answer initialize?)" or ""
      return false, ("no publishDiagnostics for %s version %s %s within %d ms (seen: %s)%s")
        :format(uri, tostring(want), what, timeout, #seen > 0 and table.concat(seen, "; ") or "none", hint)
    end
    return true
  end

  local function check(step, expected)
    local got, bad_source = diagnostics()
    local ok, want = same(expected, got)
    if not ok then
      dump("GOT")
      fail(("%s: expected {%s}, got {%s}"):format(step, want, table.concat(got, ", ")))
      return false
    end
    if #bad_source > 0 then
      fail(("%s: wrong source: %s"):format(step, table.concat(bad_source, "; ")))
      return false
    end
    out(("OK %s: {%s} at %d ms"):format(step, want, ms()))
    return true
  end

  -- 1. open
  local ok, why = wait_for_publish("after didOpen")
  if not ok then return fail(why) end
  if not check("open", EXPECT_OPEN) then return end

  -- 2, 3. edits: every change is its own nvim_buf_set_lines, so its own didChange
  for _, step in ipairs(STEPS) do
    local t1 = ms()
    for _, change in ipairs(step.changes) do
      if change.append then
        local n = vim.api.nvim_buf_line_count(buf)
        vim.api.nvim_buf_set_lines(buf, n, n, true, change.append)
      else
        local line = vim.api.nvim_buf_get_lines(buf, change.line - 1, change.line, true)[1]
        if line ~= change.old then
          return fail(("%s: fixture drift: line %d is %q, expected %q"):format(step.name, change.line, line, change.old))
        end
        vim.api.nvim_buf_set_lines(buf, change.line - 1, change.line, true, change.new)
      end
    end
    ok, why = wait_for_publish("after the " .. step.name .. " changes")
    if not ok then return fail(why) end
    if not check(step.name, step.expect) then return end
    out(("   (server published for version %s %d ms after the changes)")
      :format(tostring(published[uri].version), ms() - t1))
  end

  -- 4. quick fix: a new function with an unused loop variable (DED003), then
  -- Neovim's own code-action flow (vim.lsp.buf.code_action, the menu answered
  -- by a stubbed vim.ui.select) applies the server's fix to the buffer
  local n = vim.api.nvim_buf_line_count(buf)
  vim.api.nvim_buf_set_lines(buf, n, n, true, {
    "", "", "def retry_three(fn):", '    """Call ``fn`` three times."""', "    for attempt in range(3):", "        fn()",
  })
  local for_line = n + 5
  ok, why = wait_for_publish("after appending retry_three")
  if not ok then return fail(why) end
  if not check("quickfix (before)", { ("DED003@%d"):format(for_line) }) then return end
  local offered = {}
  vim.ui.select = function(items, _, on_choice)
    for i, item in ipairs(items) do
      local action = item[2] or item.action or item
      table.insert(offered, action.title)
      if action.title == "Rename to `_attempt`" then return on_choice(item, i) end
    end
    on_choice(nil)
  end
  vim.api.nvim_win_set_cursor(0, { for_line, 8 })
  vim.lsp.buf.code_action()
  local fixed_text = "    for _attempt in range(3):"
  if not vim.wait(timeout, function()
    return vim.api.nvim_buf_get_lines(buf, for_line - 1, for_line, true)[1] == fixed_text
  end, 20) then
    return fail(("quickfix: line %d is %q after the code action (offered: %s)")
      :format(for_line, vim.api.nvim_buf_get_lines(buf, for_line - 1, for_line, true)[1], table.concat(offered, " | ")))
  end
  ok, why = wait_for_publish("after the quick fix")
  if not ok then return fail(why) end
  if not check("quickfix", {}) then return end
  out(("OK quickfix: offered {%s}; the buffer reads %q"):format(table.concat(offered, " | "), fixed_text))

  -- 5. polite shutdown: shutdown request, exit notification, process ends
  vim.lsp.stop_client(client_id)
  local exit_timeout = math.min(timeout, 5000) -- after `exit` the process should end at once
  if not vim.wait(exit_timeout, function() return exited ~= nil end, 20) then
    return fail(("server still running %d ms after shutdown + exit"):format(exit_timeout))
  end
  if exited.code ~= 0 or exited.signal ~= 0 then
    return fail(("server exited with code %s, signal %s after shutdown + exit (see its stderr)")
      :format(tostring(exited.code), tostring(exited.signal)))
  end
  out(("OK shutdown: server exited with code 0 at %d ms"):format(ms()))
end

local ok, err = pcall(main)
if not ok then fail("error in test: " .. tostring(err)) end
-- Never write the buffer: the run script's copy of the fixture stays as it was.
vim.cmd(failed and "cquit 1" or "qall!")
