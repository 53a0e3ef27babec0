;;; eglot_test.el --- pyreview in a real Emacs + eglot + flymake, batch  -*- lexical-binding: t -*-
;;
;; Run by run_editor.sh emacs, never by hand against the fixture in the repository:
;;   PYREVIEW=/abs/pyreview PR_TEST_FILE=/tmp/x/app/sync.py PR_WORK_DIR=/tmp/x \
;;   PR_SERVER_LOG=/tmp/x/server.stderr emacs --batch -Q -l eglot_test.el
;;
;; The same scenario as neovim_test.lua, through eglot 1.9 (Debian's
;; elpa-eglot) and flymake, Emacs 28:
;;   1. "open": after didOpen, the diagnostics flymake holds once the server
;;      has published for the opened version are exactly `pr-expect-open';
;;   2. "edit": two edits (one removes a finding and shifts the lines below
;;      it, one appends a function with a new finding), sent together as one
;;      didChange with two incremental changes; the diagnostics are exactly the
;;      step's expected set once the server has published for the new version;
;;   3. "fix": two more edits narrow the remaining handlers; the server must
;;      publish an empty list and flymake must hold no diagnostic any more;
;;   4. "quickfix": a new finding with a fix (DED003) fixed through
;;      `eglot-code-actions' (its menu answered by a stubbed completing-read):
;;      the buffer reads the fixed text and the server publishes an empty list;
;;   5. the server answers shutdown, exits on exit, and its exit code is 0.
;; Each diagnostic is checked three ways: its code and source in the LSP
;; diagnostic eglot keeps in the flymake diagnostic's data (`eglot-lsp-diag'),
;; and the text flymake shows, which eglot 1.9 renders as
;; "SOURCE [CODE]: MESSAGE" (e.g. "pyreview [ERR002]: `except Exception` ...").
;;
;; Synchronisation: no sleeps. An :after method on eglot's publishDiagnostics
;; handler records each publish's `version'; the wait loop runs
;; `accept-process-output' (process output and ordinary timers) until the
;; server has published for the buffer's `eglot--versioned-identifier', then
;; `flymake-start' pulls eglot's diagnostics into flymake synchronously. Each
;; wait is bounded (PR_STEP_TIMEOUT_MS) and ends early if the server dies.
;; didChange is normally sent from an idle timer, which never fires in
;; --batch, so the test flushes it with `eglot--signal-textDocument/didChange'.
;;
;; Output: one line per step on stdout ("OK ..." / "FAIL: ..."); exit status
;; 0 when every check passed, 1 otherwise.

(require 'package)
;; -Q drops site-lisp: tell package.el where Debian's elpa-* packages live.
(add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa")
(package-initialize)
(require 'cl-lib)
(require 'subr-x)
(require 'eglot)
(require 'flymake)
(require 'python)

;; The fixture's expected findings, "CODE@line" with 1-based lines. Keep them in
;; step with fixture/app/sync.py and with neovim_test.lua.
(defconst pr-expect-open '("ERR002@14" "ERR002@41"))
(defconst pr-expect-source "pyreview")

;; Each step: (NAME CHANGES EXPECTED). A change is (:line N :old TEXT :new TEXT),
;; which replaces line N (it must read TEXT) by the new text, or (:append TEXT).
(defconst pr-steps
  `(("edit"
     (;; load_cache's swallowing `pass' becomes a log + raise, which handles the
      ;; exception: ERR002@14 goes away and every later line moves down one.
      (:line 15 :old "        pass"
       :new ,(concat "        logger.exception(\"cannot read the order cache at %s\", path)\n"
                     "        raise"))
      ;; a new function whose handler swallows everything: a new ERR002.
      (:append ,(concat "\n\n"
                        "def close_quietly(client):\n"
                        "    \"\"\"Close ``client``; a failure to close is not worth reporting.\"\"\"\n"
                        "    try:\n"
                        "        client.close()\n"
                        "    except Exception:\n"
                        "        pass\n")))
     ("ERR002@42" "ERR002@54"))
    ("fix"
     (;; narrow exceptions are not swallowed-exception findings
      (:line 42 :old "        except Exception:" :new "        except ConnectionError:")
      (:line 54 :old "    except Exception:" :new "    except OSError:"))
     ())))

(defvar pr--t0 (float-time))
(defvar pr--failed nil)
(defvar pr--published (make-hash-table :test #'eq)
  "Buffer -> (VERSION . COUNT) of the last publishDiagnostics for it.")

(defun pr--ms () (round (* 1000 (- (float-time) pr--t0))))
(defun pr--out (fmt &rest args) (princ (concat (apply #'format fmt args) "\n")))
(defun pr--fail (fmt &rest args)
  (setq pr--failed t)
  (pr--out "FAIL: %s" (apply #'format fmt args)))

(cl-defmethod eglot-handle-notification :after
  (_server (_method (eql textDocument/publishDiagnostics)) &key uri version &allow-other-keys)
  "Record which document version the server last published diagnostics for."
  (when-let ((buffer (find-buffer-visiting (eglot--uri-to-path uri))))
    (puthash buffer (cons version (1+ (or (cdr (gethash buffer pr--published)) 0)))
             pr--published)))

(defun pr--diagnostics ()
  "The current buffer's flymake diagnostics as a list of plists."
  (mapcar (lambda (d)
            (let ((lsp (alist-get 'eglot-lsp-diag (flymake-diagnostic-data d))))
              (list :line (line-number-at-pos (flymake-diagnostic-beg d))
                    :code (plist-get lsp :code)
                    :source (plist-get lsp :source)
                    :text (flymake-diagnostic-text d))))
          (flymake-diagnostics)))

(defun pr--check (step expected)
  "Compare the flymake diagnostics with EXPECTED; print OK or FAIL.
Return non-nil on success."
  (flymake-start)   ; synchronous: eglot's backend reports its latest diagnostics
  (let* ((diags (pr--diagnostics))
         (got (sort (mapcar (lambda (d) (format "%s@%d" (plist-get d :code) (plist-get d :line))) diags)
                    #'string<))
         (want (sort (copy-sequence expected) #'string<))
         (problems
          (cl-loop for d in diags
                   for source = (plist-get d :source)
                   for code = (plist-get d :code)
                   for text = (plist-get d :text)
                   unless (equal source pr-expect-source)
                   collect (format "line %d: source %S" (plist-get d :line) source)
                   ;; eglot 1.9 shows the code in the text: "pyreview [ERR002]: ..."
                   unless (and (stringp code) (stringp text)
                               (string-prefix-p (format "%s [%s]: " pr-expect-source code) text))
                   collect (format "line %d: text %S does not show source and code %S"
                                   (plist-get d :line) text code))))
    (cond
     ((not (equal got want))
      (dolist (d diags)
        (pr--out "  GOT %d %s" (plist-get d :line) (plist-get d :text)))
      (pr--fail "%s: expected {%s}, got {%s}" step
                (string-join want ", ") (string-join got ", "))
      nil)
     (problems
      (pr--fail "%s: %s" step (string-join problems "; "))
      nil)
     (t
      (pr--out "OK %s: {%s} at %d ms" step (string-join want ", ") (pr--ms))
      t))))

(defun pr--wait-for-publish (server timeout what)
  "Wait until SERVER published for the current buffer's version.
Return non-nil when it did; print FAIL and return nil if not."
  (let ((deadline (+ (float-time) timeout))
        (buffer (current-buffer))
        reached)
    (while (and (not (setq reached (equal (car (gethash buffer pr--published))
                                          eglot--versioned-identifier)))
                (jsonrpc-running-p server)
                (< (float-time) deadline))
      (accept-process-output nil 0.02))
    (cond
     (reached t)
     ((not (jsonrpc-running-p server))
      (pr--fail "server exited (%s) before publishing diagnostics %s"
                (process-exit-status (jsonrpc--process server)) what)
      nil)
     (t
      (pr--fail "no publishDiagnostics for version %s %s within %.1f s (last publish: %S)"
                eglot--versioned-identifier what timeout (gethash buffer pr--published))
      nil))))

(defun pr--shutdown (server timeout)
  "Ask SERVER to shut down and exit, as eglot does, and check its exit code is 0.
eglot-shutdown itself deletes the process right after `exit' (status 9), so
the test sends the two messages and waits for the process to end on its own."
  (let* ((proc (jsonrpc--process server))
         (exit-timeout (min timeout 5.0))  ; after `exit' the process should end at once
         (deadline nil))
    (setf (eglot--shutdown-requested server) t)
    ;; Exactly what `eglot-shutdown' sends: jsonrpc.el encodes the nil params
    ;; as "params": null, for the request and for the notification.
    (condition-case err
        (jsonrpc-request server :shutdown nil :timeout timeout)
      (jsonrpc-error
       (pr--fail "server rejected eglot's shutdown request (sent with \"params\": null): %s"
                 (or (alist-get 'jsonrpc-error-message (cdr err)) err))))
    (jsonrpc-notify server :exit nil)
    (setq deadline (+ (float-time) exit-timeout))
    (while (and (process-live-p proc) (< (float-time) deadline))
      (accept-process-output proc 0.02))
    (cond
     ((process-live-p proc)
      (pr--fail "server still running %.1f s after shutdown + exit" exit-timeout))
     ((not (and (eq (process-status proc) 'exit) (zerop (process-exit-status proc))))
      (pr--fail "server ended with %s %s after shutdown + exit (see its stderr)"
                (process-status proc) (process-exit-status proc)))
     (t (pr--out "OK shutdown: server exited with code 0 at %d ms" (pr--ms))))))

(defun pr--quickfix (server timeout)
  "A new finding with a fix (DED003), fixed through `eglot-code-actions'.
The menu is answered by a stubbed `completing-read'; the buffer must then
read the fixed text and the server must publish an empty list."
  (goto-char (point-max))
  (insert "\n\ndef retry_three(fn):\n    \"\"\"Call ``fn`` three times.\"\"\"\n"
          "    for attempt in range(3):\n        fn()\n")
  (eglot--signal-textDocument/didChange)
  (goto-char (point-max))
  (re-search-backward "for attempt")
  (let ((for-line (line-number-at-pos))
        (offered nil)
        (fixed "    for _attempt in range(3):"))
    (when (and (pr--wait-for-publish server timeout "after appending retry_three")
               (pr--check "quickfix (before)" (list (format "DED003@%d" for-line))))
      (forward-char 8)
      ;; eglot 1.9 offers the actions with completing-read when the last
      ;; event is not a mouse event (in --batch it is nil, a list: bind it)
      (cl-letf (((symbol-function 'completing-read)
                 (lambda (_prompt items &rest _)
                   (setq offered (mapcar #'car items))
                   "Rename to `_attempt`")))
        (let ((last-nonmenu-event 0))
          (eglot-code-actions (line-beginning-position) (line-end-position) "quickfix" t)))
      (let ((now (buffer-substring-no-properties (line-beginning-position) (line-end-position))))
        (if (not (equal now fixed))
            (pr--fail "quickfix: line %d is %S after the code action (offered: %S)" for-line now offered)
          (eglot--signal-textDocument/didChange)
          (when (and (pr--wait-for-publish server timeout "after the quick fix")
                     (pr--check "quickfix" nil))
            (pr--out "OK quickfix: offered %S; the buffer reads %S" offered fixed)
            t))))))

(defun pr--run ()
  (let* ((file (or (getenv "PR_TEST_FILE") (error "PR_TEST_FILE is not set")))
         (root (file-name-as-directory (or (getenv "PR_WORK_DIR") (error "PR_WORK_DIR is not set"))))
         (log (or (getenv "PR_SERVER_LOG") "/dev/null"))
         (timeout (/ (string-to-number (or (getenv "PR_STEP_TIMEOUT_MS") "15000")) 1000.0))
         ;; stderr of the server goes to a file the run script prints on failure
         (contact (list "/bin/sh" "-c" "exec \"$PYREVIEW\" serve 2>>\"$1\"" "pyreview-serve" log))
         server)
    (unless (getenv "PYREVIEW") (error "PYREVIEW is not set"))
    (setq eglot-sync-connect t              ; `eglot' returns once initialize is answered
          eglot-connect-timeout timeout
          eglot-autoreconnect nil
          eglot-autoshutdown nil
          flymake-no-changes-timeout 0.5    ; non-nil, or eglot never reports to flymake
          python-indent-guess-indent-offset nil)
    (find-file file)
    (python-mode)
    ;; eglot 1.9: (eglot MANAGED-MAJOR-MODES PROJECT CLASS CONTACT LANGUAGE-ID)
    (eglot '(python-mode) `(transient . ,root) 'eglot-lsp-server contact "python")
    (setq server (eglot-current-server))
    (unless server (error "eglot did not connect"))
    ;; 1. open
    (when (and (pr--wait-for-publish server timeout "after didOpen")
               (pr--check "open" pr-expect-open))
      ;; 2, 3. edits: the changes of a step are flushed as one didChange
      (when
       (cl-loop
       for (name changes expected) in pr-steps
       for t1 = (pr--ms)
       always
       (and (cl-loop
             for change in changes
             always
             (if (plist-get change :append)
                 (progn (goto-char (point-max)) (insert (plist-get change :append)) t)
               (goto-char (point-min))
               (forward-line (1- (plist-get change :line)))
               (let ((old (buffer-substring-no-properties (line-beginning-position)
                                                          (line-end-position))))
                 (if (not (equal old (plist-get change :old)))
                     (progn (pr--fail "%s: fixture drift: line %d is %S, expected %S" name
                                      (plist-get change :line) old (plist-get change :old))
                            nil)
                   (delete-region (line-beginning-position) (line-end-position))
                   (insert (plist-get change :new))
                   t))))
            (progn (eglot--signal-textDocument/didChange) ; the idle timer never fires in --batch
                   (pr--wait-for-publish server timeout (format "after the %s changes" name)))
            (pr--check name expected)
            (progn (pr--out "   (server published for version %s %d ms after the changes)"
                            eglot--versioned-identifier (- (pr--ms) t1))
                   t)))
       ;; 4. a quick fix through eglot's code actions, 5. shutdown, only
       ;; when every step passed
       (when (pr--quickfix server timeout)
         (pr--shutdown server timeout))))
    ;; Never save: the run script's copy of the fixture stays as it was.
    (set-buffer-modified-p nil)))

(condition-case err
    (pr--run)
  (error (pr--fail "error in test: %s" (error-message-string err))))
(kill-emacs (if pr--failed 1 0))

;;; eglot_test.el ends here
