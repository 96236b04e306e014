"""Settings for the newsroom, read from the environment.

Development gets safe defaults (SQLite under var/, local-memory cache, debug on); production
(DJANGO_DEBUG off) refuses to start with a missing or default secret key, no allowed hosts or no
public address (NEWSROOM_BASE_URL).
"""

from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from newsroom.env import env, env_bool, env_int, env_list
from newsroom.security import public_policy

BASE_DIR = Path(__file__).resolve().parent.parent

# The development key is public on purpose: it lives in the repository, so a server with debug
# off must never run with it.
DEVELOPMENT_SECRET_KEY = "newsroom-development-key-not-for-production"  # noqa: S105

DEBUG = env_bool("DJANGO_DEBUG", default=True)
SECRET_KEY = env("DJANGO_SECRET_KEY", default=DEVELOPMENT_SECRET_KEY)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
# The public address for absolute links (canonical, Open Graph, feeds, sitemaps, e-mail); a
# production server must say it, or every such link would point at a developer's machine.
BASE_URL = env("NEWSROOM_BASE_URL", default="").strip().rstrip("/")

if not DEBUG:
    if SECRET_KEY == DEVELOPMENT_SECRET_KEY or len(SECRET_KEY) < 32:
        raise ImproperlyConfigured(
            "DJANGO_DEBUG is off but DJANGO_SECRET_KEY is missing, the development default or "
            "shorter than 32 characters. Set DJANGO_SECRET_KEY to a long random value, for example "
            "the output of: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured(
            "DJANGO_DEBUG is off but DJANGO_ALLOWED_HOSTS is empty. Set it to the site's host "
            "names, separated by commas (for example: news.example.org)."
        )
    if not BASE_URL.startswith(("https://", "http://")):
        raise ImproperlyConfigured(
            "DJANGO_DEBUG is off but NEWSROOM_BASE_URL is missing or has no http(s):// scheme. Set it "
            "to the site's public address (for example: https://news.example.org)."
        )

CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "newsroom.admin_site.NewsroomAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_ckeditor_5",
    "taggit",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "articles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "articles.admin.two_factor.TwoFactorMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "newsroom.security.NewsroomCSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Last, as django-axes asks: it answers a locked-out sign-in.
    "axes.middleware.AxesMiddleware",
]

# Sign-in: django-axes counts failed passwords first, then Django checks the password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "newsroom.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "articles.public.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "newsroom.wsgi.application"

VAR_DIR = Path(env("NEWSROOM_VAR_DIR", default=str(BASE_DIR / "var")))

DATABASE_URL = env("DATABASE_URL", default="")
if not DATABASE_URL:
    # The embedded default: an SQLite file under var/, which a fresh checkout does not have yet.
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASE_URL = f"sqlite:///{VAR_DIR / 'newsroom.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL,
        conn_max_age=int(env("DJANGO_CONN_MAX_AGE", default="0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Wait for a busy writer instead of failing at once, and keep readers off writers' toes.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"}
    )
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    # Tests use a file, not memory: the browser tests' live server then reads it from its own
    # threads with their own connections, as a real server would.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-newsroom.sqlite3")}

REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("NEWSROOM_CACHE_PREFIX", default="newsroom"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Background work (renditions, deliveries to subscribers, feed polling, the front layer's refresh)
# runs on Django's tasks API through the django-tasks backport. The database backend needs no
# broker: `manage.py db_worker` on any machine that shares the database takes the work.
# NEWSROOM_TASKS=immediate runs each task inside the caller, for tests that want it in-line.
TASKS_MODE = env("NEWSROOM_TASKS", default="database")
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if TASKS_MODE == "immediate"
            else "django_tasks_db.DatabaseBackend"
        ),
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("zh-hans", _("Simplified Chinese")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Our own date formats per language (English dates as on agency pages: January 8, 2024).
FORMAT_MODULE_PATH = ["newsroom.formats"]
# Tag names are matched without regard to case, so "Energy" and "energy" are one tag.
TAGGIT_CASE_INSENSITIVE = True
USE_I18N = True
# Times are stored in UTC; pages, datelines and URLs use the newsroom's display zone.
USE_TZ = True
TIME_ZONE = env("NEWSROOM_TIME_ZONE", default="UTC")

STATIC_URL = "static/"
STATIC_ROOT = Path(env("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(VAR_DIR / "media")))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Compressed, fingerprinted files in production; plain files while developing and testing
        # so a missing collectstatic never breaks a page.
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG or env_bool("NEWSROOM_PLAIN_STATIC", default=False)
        else "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}

# While developing (and under test) WhiteNoise serves straight from the source folders, so no
# collectstatic is needed; in production it serves the collected, fingerprinted files.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LOGIN_URL = "admin:login"

# Password guessing: 10 failures in a row lock that account, and separately that address, for an
# hour (django-axes); a chief editor unlocks sooner by deleting the attempt in the admin. Behind
# a proxy, NEWSROOM_PROXY_COUNT says how many proxies add X-Forwarded-For, so the reader's own
# address is counted rather than the proxy's.
AXES_FAILURE_LIMIT = env_int("NEWSROOM_LOGIN_FAILURE_LIMIT", default=10)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_COOLOFF_TIME = env_int("NEWSROOM_LOGIN_LOCKOUT_HOURS", default=1)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
NEWSROOM_PROXY_COUNT = env_int("NEWSROOM_PROXY_COUNT", default=0)
AXES_CLIENT_IP_CALLABLE = "newsroom.security.client_address"

# Two-factor sign-in (django-otp: an authenticator app's TOTP codes, and one-time backup codes):
# required for desk and chief editors and superusers, open to reporters who want it. The issuer
# is the name authenticator apps show beside the code.
NEWSROOM_TWO_FACTOR = env_bool("NEWSROOM_TWO_FACTOR", default=True)
OTP_TOTP_ISSUER = env("NEWSROOM_SITE_NAME", default="Newsroom")

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", default=True)
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
    # Only a TLS-terminating proxy that sets X-Forwarded-Proto itself may be trusted with it;
    # without one, any client could claim HTTPS by sending the header.
    if env_bool("DJANGO_BEHIND_TLS_PROXY", default=False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # Both are off until the site is known to be served over HTTPS: HSTS cannot be taken back
    # from browsers that have seen it, and a redirect without TLS in front would loop.
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", default=0)
    # Subdomains and the browsers' preload list only when the whole domain is known to be HTTPS.
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=False)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", default=False)
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SSL_REDIRECT", default=False)

# Content-Security-Policy (django-csp): strict for readers, workable for CKEditor in the admin;
# see newsroom/security.py. Photos served from another host (S3, a CDN) name it here.
NEWSROOM_MEDIA_ORIGIN = env("NEWSROOM_MEDIA_ORIGIN", default="").strip().rstrip("/")
CONTENT_SECURITY_POLICY = {"DIRECTIVES": public_policy(NEWSROOM_MEDIA_ORIGIN)}
# No page needs the camera, microphone, position, payment or USB; nothing embedded may ask.
PERMISSIONS_POLICY: dict[str, list[str]] = {
    "accelerometer": [],
    "camera": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "payment": [],
    "usb": [],
}

# The front server readers reach (nginx with the page cache), for the worker's refreshes, and the
# secret it sends so that nginx fetches a fresh copy; empty (development) means no front server.
NEWSROOM_FRONT_URL = env("NEWSROOM_FRONT_URL", default="").strip().rstrip("/")
NEWSROOM_FRONT_TOKEN = env("NEWSROOM_FRONT_TOKEN", default="")
if NEWSROOM_FRONT_URL and len(NEWSROOM_FRONT_TOKEN) < 24:
    raise ImproperlyConfigured(
        "NEWSROOM_FRONT_URL is set but NEWSROOM_FRONT_TOKEN is missing or shorter than 24 characters. Set "
        "it to a long random value, and the same value as REFRESH_TOKEN in the nginx site."
    )

EMAIL_BACKEND = env("DJANGO_EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", default="newsroom@localhost")

# Uploads: a wire file or a body image is small; anything bigger is refused before it is read.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", default="WARNING")},
}

# --- The newsroom ---------------------------------------------------------------------------

NEWSROOM: dict[str, Any] = {
    # The public address, used where a link must be absolute (command output, feeds, e-mail).
    "BASE_URL": BASE_URL or "http://127.0.0.1:8000",
    "SITE_NAME": env("NEWSROOM_SITE_NAME", default="Newsroom"),
    # Wire copy bigger than this is refused before it is parsed (a page of agency copy is ~10 KB).
    "WIRE_MAX_BYTES": 1024 * 1024,
    # Photos: a camera's full-size JPEG is 5-15 MB and 24-45 megapixels; more is refused with a
    # message. The pixel limit is checked from the file's header before any decoding (see
    # articles/images.py), below Pillow's own Image.MAX_IMAGE_PIXELS backstop.
    "PHOTO_MAX_BYTES": int(env("NEWSROOM_PHOTO_MAX_BYTES", default=str(25 * 1024 * 1024))),
    "PHOTO_MAX_PIXELS": int(env("NEWSROOM_PHOTO_MAX_PIXELS", default="50000000")),
    "PHOTO_MAX_FRAMES": 300,
    "ARTICLES_PER_PAGE": 20,
    "HOME_STORIES_PER_SECTION": 4,
    # Whole public pages are cached for anonymous readers this long (0 turns the page cache off);
    # publishing, correcting or withdrawing a story retires them all at once (articles/cache.py).
    "PAGE_CACHE_SECONDS": int(env("NEWSROOM_PAGE_CACHE_SECONDS", default="300")),
    # What browsers (max-age) and a CDN in front (s-maxage) may keep without asking again.
    "PAGE_MAX_AGE": int(env("NEWSROOM_PAGE_MAX_AGE", default="60")),
    "PAGE_S_MAXAGE": int(env("NEWSROOM_PAGE_S_MAXAGE", default="120")),
    # The front server (nginx) serves its copy of a page this long before asking the app again;
    # the worker also refreshes a story's pages the moment it changes (articles/public/front.py).
    "FRONT_CACHE_SECONDS": int(env("NEWSROOM_FRONT_CACHE_SECONDS", default="1")),
    # A reviewer's share link works this long unless the desk revokes it first.
    "SHARE_LINK_HOURS": 48,
    # "Being edited by" disappears this long after the editor's page last checked in.
    "PRESENCE_SECONDS": 180,
    # Stories of this urgency or more urgent (1 is a flash) from the last BREAKING_HOURS show as breaking.
    "BREAKING_URGENCY": 2,
    "BREAKING_HOURS": 6,
}

# The desk restores old versions through the workflow (content only, never status), not through
# django-simple-history's own revert, which would also bring back an old status.
SIMPLE_HISTORY_REVERT_DISABLED = True

# --- Rich text (CKEditor 5) -----------------------------------------------------------------

CKEDITOR_5_FILE_UPLOAD_PERMISSION = "staff"
CKEDITOR_5_UPLOAD_FILE_TYPES = ["jpeg", "png", "gif", "webp"]
# Images dropped into the editor go through the photo library's checks, not the package's view.
CK_EDITOR_5_UPLOAD_FILE_VIEW_NAME = "photo_editor_upload"
CKEDITOR_5_CONFIGS = {
    "default": {
        "toolbar": ["heading", "|", "bold", "italic", "link", "bulletedList", "numberedList", "blockQuote"],
    },
    "article": {
        "toolbar": {
            "items": [
                "heading",
                "|",
                "bold",
                "italic",
                "link",
                "|",
                "bulletedList",
                "numberedList",
                "blockQuote",
                "insertTable",
                "imageUpload",
                "|",
                "undo",
                "redo",
                "sourceEditing",
            ],
        },
        "heading": {
            "options": [
                {"model": "paragraph", "title": "Paragraph", "class": "ck-heading_paragraph"},
                {"model": "heading2", "view": "h2", "title": "Heading 2", "class": "ck-heading_heading2"},
                {"model": "heading3", "view": "h3", "title": "Heading 3", "class": "ck-heading_heading3"},
            ]
        },
        "image": {"toolbar": ["imageTextAlternative", "toggleImageCaption"]},
        "table": {"contentToolbar": ["tableColumn", "tableRow", "mergeTableCells"]},
        "link": {"defaultProtocol": "https://"},
    },
}
