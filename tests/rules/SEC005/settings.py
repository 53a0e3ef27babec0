"""Deployment settings for the billing service."""
import os

# positive: a module constant holding a password
DATABASE_PASSWORD = "pr0d-Bill1ng!"  # [SEC005]
# positive: an API key, two word parts
STRIPE_API_KEY = "sk_live_51HxQ2bC8vYt"  # [SEC005]
# positive: `apikey` as one part
MAPS_APIKEY = "AIzaSyD-9tSrke72PouQMnMX"  # [SEC005]
# positive: token as the last part
GITHUB_AUTH_TOKEN = "ghp_R2d2C3poBb8Yoda"  # [SEC005]
# positive: private key, camel case
signingPrivateKey = "MIIEvQIBADANBgkqhkiG9w0BAQ"  # [SEC005]
# positive: a URL with user:password@
BROKER_PASSWORD_URL = "amqp://billing:hunter2@rabbit:5672/"  # [SEC005]

# negative: token is not the last part
TOKEN_TYPE = "bearer-jwt"
NEXT_TOKEN_URL = "https://api.example.com/next"
# negative: the value spells the name or a run of its word parts
PASSWORD_FIELD = "password"
SECRET_KEY_NAME = "secret-key"
# negative: empty, placeholders, URL without credentials, file paths, Bearer
DEFAULT_PASSWORD = ""
SMTP_PASSWORD = "<set-me>"
VAULT_TOKEN = "${VAULT_TOKEN}"
DB_PASSWORD_TEMPLATE = "%(password)s"
API_KEY_FORMAT = "{api_key}"
OAUTH_TOKEN_ENDPOINT_TOKEN = "https://auth.example.com/oauth/token"
SSH_PRIVATE_KEY = "~/.ssh/id_ed25519"
TLS_PRIVATE_KEY = "/etc/ssl/private/billing.key"
WIN_SECRET = "C:\\secrets\\billing.txt"
AUTH_TOKEN_SCHEME = "Bearer"
# negative: a name bound to a literal is not followed, only the literal itself
API_SECRET = os.environ.get("API_SECRET", "")
CURRENT_PASSWORD = DATABASE_PASSWORD
# negative: names that merely contain the letters (monkey, tokens, passport)
monkey = "banana"
passport = "X1234567"
# negative: a lexer's raw regular expression, and a single character
NUMBER_TOKEN = r"[0-9@#.,E+]"
IDENT_TOKEN = r"[^\W\d]\w*"
EMOJI = {"secret": "㊙", "japanese_secret_button": "㊙"}
# positive: a raw string without pattern syntax is still a secret
RAW_SECRET = r"Zx81-spectrum"  # [SEC005]
# positive: a value with separators that happens to contain a secret's word
email_pwd = "emails_secret"  # [SEC005]
# negative: a message about the secret, with spaces
PASSWORD_MISMATCH_ERROR = "The two password fields didn't match."
# negative: a configuration switch
FEATURES = {"MODULE_PWD_STATE": "yes", "ROTATE_SECRET": "off"}
