import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Make sure a local administrator account exists. The first time, create 'admin' "
        "with a random password and print it; afterwards, change nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, username, **options):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write(
                "An administrator account exists. Forgot its password? "
                f"Run: .venv/bin/python manage.py changepassword {username}"
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(
            self.style.SUCCESS(
                "Created a local administrator account for "
                f"http://127.0.0.1:{os.environ.get('PORT', '8000')}/admin/\n"
                f"    username: {username}\n"
                f"    password: {password}\n"
                "This is shown once; keep it, or set another with "
                f"`.venv/bin/python manage.py changepassword {username}`."
            )
        )
