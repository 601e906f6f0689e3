# Django test settings for scripts/run-django-suite.sh: Django's MySQL backend, unmodified, against the server named
# by DJANGO_DB_HOST/DJANGO_DB_PORT; databases are prefixed by DJANGO_DB_PREFIX so runs against a shared server do not
# collide.
import os

_host = os.environ.get('DJANGO_DB_HOST', '127.0.0.1')
_port = int(os.environ['DJANGO_DB_PORT'])
_prefix = os.environ.get('DJANGO_DB_PREFIX', 'django')


def _database(name):
    return {
        'ENGINE': 'django.db.backends.mysql',
        'NAME': f'{_prefix}_{name}',
        'USER': 'root',
        'PASSWORD': '',
        'HOST': _host,
        'PORT': _port,
        'OPTIONS': {'charset': 'utf8mb4'},
        'TEST': {'NAME': f'test_{_prefix}_{name}', 'CHARSET': 'utf8mb4', 'COLLATION': 'utf8mb4_general_ci'},
    }


DATABASES = {'default': _database('default'), 'other': _database('other')}
SECRET_KEY = 'django_tests_secret_key'
PASSWORD_HASHERS = ['django.contrib.auth.hashers.MD5PasswordHasher']
DEFAULT_AUTO_FIELD = 'django.db.models.AutoField'
USE_TZ = False
