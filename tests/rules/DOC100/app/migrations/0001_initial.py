# negative: generated migrations
from django.db import migrations
