-- Neovim (0.7+) as a client of the virtcpu language server, run by NeovimClientTest:
--   VIRTCPU_CMD='["java", ...]' VIRTCPU_FILE=domain.xml VIRTCPU_OUT=result.json \
--     nvim --headless -u NONE -i NONE -n -c 'luafile src/test/nvim/virtcpu.lua'
-- It opens the domain, waits for diagnostics, asks for completion and hover in the <model> text,
-- stops the server and writes what it saw to VIRTCPU_OUT as JSON.
local out = { exit_code = vim.NIL }

local function write_out()
  local f = assert(io.open(os.getenv('VIRTCPU_OUT'), 'w'))
  f:write(vim.fn.json_encode(out))
  f:close()
end

local function first_result(responses)
  for _, r in pairs(responses or {}) do
    if r.err then return nil, vim.inspect(r.err) end
    return r.result
  end
  return nil, 'no response'
end

local function run()
  local cmd = vim.fn.json_decode(os.getenv('VIRTCPU_CMD'))
  local file = os.getenv('VIRTCPU_FILE')
  out.nvim = tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()

  local exited = false
  local id = vim.lsp.start_client({
    name = 'virtcpu',
    cmd = cmd,
    root_dir = vim.fn.fnamemodify(file, ':p:h:h'),
    on_exit = function(code, signal)
      out.exit_code = code
      out.exit_signal = signal
      exited = true
    end,
  })
  assert(id, 'start_client failed')
  vim.lsp.buf_attach_client(bufnr, id)

  out.got_diagnostics = vim.wait(60000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
  out.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local code = d.code
    if code == nil and d.user_data and d.user_data.lsp then code = d.user_data.lsp.code end
    table.insert(out.diagnostics, {
      lnum = d.lnum, col = d.col, end_col = d.end_col, severity = d.severity,
      source = d.source, code = code, message = d.message,
    })
  end

  local line = vim.fn.search('Cascadelake-Server', 'w')
  assert(line > 0, 'no Cascadelake-Server in the file')
  local col = vim.fn.col('.') - 1
  local pos = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = line - 1, character = col } }

  local result, err = first_result(vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', pos, 20000))
  out.completion_error = err
  local items = result and (result.items or result) or {}
  table.sort(items, function(a, b) return (a.sortText or a.label) < (b.sortText or b.label) end)
  out.completion = {}
  for i, item in ipairs(items) do
    if i > 5 then break end
    table.insert(out.completion, {
      label = item.label, detail = item.detail,
      documentation = type(item.documentation) == 'table' and item.documentation.value or item.documentation,
    })
  end
  out.completion_count = #items

  local hover = first_result(vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', pos, 20000))
  out.hover = hover and hover.contents and hover.contents.value or vim.NIL

  vim.lsp.stop_client(id)
  out.exited = vim.wait(20000, function() return exited end, 50)
end

local ok, err = pcall(run)
if not ok then out.error = tostring(err) end
write_out()
vim.cmd(ok and 'qall!' or 'cquit! 1')
