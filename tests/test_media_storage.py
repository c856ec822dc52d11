"""Uploaded images in S3-compatible object storage (django-storages), against moto's
server mode: a local server that speaks the S3 protocol."""

import json
import shutil
import subprocess
import sys
import urllib.request

import pytest

from tests.serving import copy_site, free_port, manage, production_env, wait_for_port

pytest.importorskip("storages")
pytest.importorskip("moto")

UPLOAD = """
import json
from tests.factories import ImageFactory
image = ImageFactory(title="Protest in Basra", file__filename="basra.png")
rendition = image.get_rendition("width-40")
storage = image.file.storage
storage = getattr(storage, "_wrapped", storage)  # Django's lazy default_storage
print(json.dumps({"original": image.file.url, "rendition": rendition.url,
                  "storage": type(storage).__name__}))
"""


PUBLIC_READ = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": [
                "arn:aws:s3:::icssi-media/original_images/*",
                "arn:aws:s3:::icssi-media/images/*",
            ],
        }
    ],
}


@pytest.fixture
def s3_server(tmp_path):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, server)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_images_are_stored_in_and_served_from_s3(production_site, tmp_path, s3_server):
    import boto3

    credentials = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}
    s3 = boto3.client(
        "s3",
        endpoint_url=s3_server,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    s3.create_bucket(Bucket="icssi-media")
    # Readers fetch images straight from the bucket: the policy docs/deploy.md gives.
    s3.put_bucket_policy(Bucket="icssi-media", Policy=json.dumps(PUBLIC_READ))
    directory = copy_site(production_site, tmp_path / "site")
    shutil.rmtree(directory / "media", ignore_errors=True)
    env = production_env(
        directory,
        AWS_STORAGE_BUCKET_NAME="icssi-media",
        AWS_S3_ENDPOINT_URL=s3_server,
        AWS_S3_REGION_NAME="us-east-1",
        **credentials,
    )
    urls = json.loads(manage(env, "shell", stdin=UPLOAD).stdout.strip().splitlines()[-1])
    assert urls["storage"] == "S3Storage"
    for key in ("original", "rendition"):
        assert urls[key].startswith(f"{s3_server}/icssi-media/"), urls
        with urllib.request.urlopen(urls[key]) as response:  # noqa: S310 - local server
            assert response.status == 200
            assert response.read()[:2] in (b"\x89P", b"\xff\xd8")  # PNG or JPEG
    assert not (directory / "media").exists()  # nothing on the app server's disk
