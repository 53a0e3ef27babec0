/* SEC020 weak-crypto: broken ciphers, cipher modes, TLS versions and short keys.
 *
 * ## What it does
 * Flags:
 * - the `.new(...)` call of `Crypto`/`Cryptodome` `ARC2`, `ARC4`, `Blowfish`,
 *   `DES` and `XOR` (`DES.new(key, DES.MODE_CBC)`);
 * - `cryptography`'s `algorithms.ARC4(...)`, `algorithms.TripleDES(...)`,
 *   `algorithms.Blowfish(...)` and `modes.ECB(...)` calls;
 * - every reference to `ssl.PROTOCOL_SSLv2`, `PROTOCOL_SSLv3`,
 *   `PROTOCOL_TLSv1` or `PROTOCOL_TLSv1_1` (also the bare name after
 *   `from ssl import PROTOCOL_TLSv1`; never the import itself);
 * - RSA and DSA key generation with a literal size under 2048 bits (weak key
 *   strength, CWE-326): `cryptography`'s `rsa.generate_private_key` (size:
 *   second argument or `key_size=`) and `dsa.generate_private_key` (first
 *   argument or `key_size=`), `Crypto`/`Cryptodome` `RSA.generate` and
 *   `DSA.generate` (first argument or `bits=`).
 *
 * ## Why is this bad?
 * These algorithms are broken or too weak (CWE-327): DES and 64-bit block
 * ciphers fall to brute force and birthday attacks (Sweet32), RC4 leaks its
 * key stream, ECB encrypts equal blocks to equal blocks and shows the
 * plaintext's structure, SSLv2/v3 and TLS 1.0/1.1 have known attacks and are
 * deprecated (RFC 8996), and RSA/DSA keys under 2048 bits can be factored or
 * broken with affordable computation.
 *
 * ## Example
 * ```python
 * from Crypto.Cipher import DES
 * from cryptography.hazmat.primitives.asymmetric import rsa
 * from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
 *
 * cipher = DES.new(key, DES.MODE_CBC, iv)
 * aes_ecb = Cipher(algorithms.AES(key), modes.ECB())
 * private_key = rsa.generate_private_key(public_exponent=65537, key_size=1024)
 * context = ssl.SSLContext(ssl.PROTOCOL_TLSv1)
 * ```
 *
 * ## Use instead
 * ```python
 * from cryptography.hazmat.primitives.asymmetric import rsa
 * from cryptography.hazmat.primitives.ciphers.aead import AESGCM
 *
 * aead = AESGCM(key)                     # authenticated encryption
 * private_key = rsa.generate_private_key(public_exponent=65537, key_size=3072)
 * context = ssl.create_default_context()  # TLS 1.2+ with verification
 * ```
 */
#include "filemode.h"
#include "names.h"
#include "rule.h"
#include "rule_docs.h"

#include <string.h>

#define SEC020_MIN_KEY_BITS 2048

static const char *const sec020_ciphers[] = {"ARC2", "ARC4", "Blowfish", "DES", "XOR", NULL};

static const char *const sec020_protocols[] = {
  "ssl.PROTOCOL_SSLv2", "ssl.PROTOCOL_SSLv3", "ssl.PROTOCOL_TLSv1", "ssl.PROTOCOL_TLSv1_1", NULL,
};

static bool sec020_in(const char *s, const char *const *list) {
  for (int i = 0; list[i]; i++)
    if (!strcmp(s, list[i])) return true;
  return false;
}

static bool sec020_ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && !strcmp(s + n - m, suffix);
}

/* The PyCrypto/PyCryptodome cipher of `Crypto.Cipher.DES.new` ("DES"), or NULL. */
static const char *sec020_pycrypto_cipher(const char *q) {
  const char *rest = !strncmp(q, "Crypto.Cipher.", 14) ? q + 14 : !strncmp(q, "Cryptodome.Cipher.", 18) ? q + 18 : NULL;
  if (!rest) return NULL;
  for (int i = 0; sec020_ciphers[i]; i++) {
    size_t l = strlen(sec020_ciphers[i]);
    if (!strncmp(rest, sec020_ciphers[i], l) && !strcmp(rest + l, ".new")) return sec020_ciphers[i];
  }
  return NULL;
}

/* Flags a key-generation call whose size argument is an integer literal under 2048. */
static void sec020_key_size(pr_ctx *ctx, TSNode call, const char *what, uint32_t index, const char *keyword) {
  TSNode size = pr_unparenthesize(pr_call_argument(ctx, call, index, keyword));
  if (pr_node_kind(size) != pr_kind_integer) return;
  uint32_t len;
  const char *t = pr_text(ctx, size, &len);
  uint64_t bits;
  if (!pr_integer_value(t, len, &bits) || bits >= SEC020_MIN_KEY_BITS) return;
  pr_report(ctx, call,
            "%s key of %llu bits is too short to be safe (inadequate key strength, CWE-326); use at least 2048 "
            "bits (3072 for use beyond 2030)",
            what, (unsigned long long)bits);
}

static void sec020_call(pr_ctx *ctx, TSNode call) {
  char q[256];
  if (!pr_call_qualified_name(ctx, call, q, sizeof q)) return;
  const char *cipher = sec020_pycrypto_cipher(q);
  if (cipher) {
    pr_report(ctx, call, "%s is a broken cipher; use AES in an authenticated mode (GCM, or ChaCha20-Poly1305)",
              cipher);
    return;
  }
  if (!strncmp(q, "cryptography.", 13)) {
    static const char *const algorithms[] = {".algorithms.ARC4", ".algorithms.TripleDES", ".algorithms.Blowfish", NULL};
    for (int i = 0; algorithms[i]; i++)
      if (sec020_ends_with(q, algorithms[i])) {
        pr_report(ctx, call, "%s is a broken cipher; use AES in an authenticated mode (AESGCM, or ChaCha20Poly1305)",
                  algorithms[i] + 12);
        return;
      }
    if (sec020_ends_with(q, ".modes.ECB")) {
      pr_report(ctx, call, "ECB mode encrypts equal blocks to equal ciphertext and shows the plaintext's structure; "
                           "use an authenticated mode (GCM) instead");
      return;
    }
    if (sec020_ends_with(q, ".asymmetric.rsa.generate_private_key")) sec020_key_size(ctx, call, "RSA", 1, "key_size");
    else if (sec020_ends_with(q, ".asymmetric.dsa.generate_private_key")) sec020_key_size(ctx, call, "DSA", 0, "key_size");
    return;
  }
  if (!strcmp(q, "Crypto.PublicKey.RSA.generate") || !strcmp(q, "Cryptodome.PublicKey.RSA.generate"))
    sec020_key_size(ctx, call, "RSA", 0, "bits");
  else if (!strcmp(q, "Crypto.PublicKey.DSA.generate") || !strcmp(q, "Cryptodome.PublicKey.DSA.generate"))
    sec020_key_size(ctx, call, "DSA", 0, "bits");
}

static void sec020_report_protocol(pr_ctx *ctx, TSNode node, const char *q) {
  pr_report(ctx, node,
            "`%s` selects a deprecated, attackable protocol version; use `ssl.PROTOCOL_TLS_CLIENT` (or "
            "`ssl.create_default_context()`) and `minimum_version = ssl.TLSVersion.TLSv1_2`",
            q);
}

static void sec020_check(pr_ctx *ctx, TSNode node) {
  if (pr_node_kind(node) == pr_kind_call) { sec020_call(ctx, node); return; }
  /* an attribute: `ssl.PROTOCOL_TLSv1`. It ends with its name, and the
     protocol names are short: a look at the text's tail spares the field
     lookup for every other attribute of the file */
  uint32_t start = ts_node_start_byte(node), end = ts_node_end_byte(node);
  uint32_t from = end - start < 32 ? start : end - 32;
  if (pr_text_find_range(ctx->text, ctx->len, from, end, "PROTOCOL_") >= ctx->len) return;
  TSNode attr = pr_child(node, pr_field_attribute);
  uint32_t len;
  const char *t = pr_text(ctx, attr, &len);
  if (len < 12 || memcmp(t, "PROTOCOL_", 9)) return;
  char q[64];
  if (!pr_qualified_name(ctx, node, ctx->scope, q, sizeof q) || !sec020_in(q, sec020_protocols)) return;
  sec020_report_protocol(ctx, node, q);
}

/* Bare names of the protocol constants (`from ssl import PROTOCOL_TLSv1`):
 * found among the model's references, only when the file imports one. */
static void sec020_file_end(pr_ctx *ctx) {
  const pr_model *m = ctx->model;
  bool imported = false;
  for (uint32_t b = 0; b < m->binding_count && !imported; b++)
    if (m->bindings[b].kind == PR_BIND_IMPORT && m->bindings[b].qualified &&
        sec020_in(m->bindings[b].qualified, sec020_protocols))
      imported = true;
  if (!imported) return;
  for (uint32_t r = 0; r < m->reference_count; r++) {
    const pr_reference *ref = &m->references[r];
    if (ref->symbol == PR_NONE) continue;
    TSNode id = ref->node;
    uint32_t len;
    const char *t = pr_text(ctx, id, &len);
    if (len < 12 || memcmp(t, "PROTOCOL_", 9)) continue;
    uint32_t b = pr_model_resolve(m, ref->scope, t, len, ts_node_start_byte(id));
    if (b == PR_NONE) continue;
    const pr_binding *bd = &m->bindings[b];
    if (bd->kind != PR_BIND_IMPORT || !bd->qualified || !sec020_in(bd->qualified, sec020_protocols)) continue;
    sec020_report_protocol(ctx, id, bd->qualified);
  }
}

const pr_rule pr_rule_sec020 = {
  .code = "SEC020",
  .name = "weak-crypto",
  .category = "Security",
  .severity = PR_SEV_WARNING,
  .cwe = 327,
  .summary = "A broken cipher or mode, a deprecated TLS version, or an RSA/DSA key under 2048 bits",
  .doc = pr_doc_sec020,
  .kinds = {pr_kind_call, pr_kind_attribute},
  .on_node = sec020_check,
  .on_file_end = sec020_file_end,
};
