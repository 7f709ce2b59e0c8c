"""quotes.dask on a LocalCluster of two worker processes, against the single-process run."""
import json

import pytest

pytest.importorskip("distributed", reason="the `dask` extra is not installed (pip install 'quotes[dask]')")

import dask.bag as db  # noqa: E402
from click.testing import CliRunner  # noqa: E402
from dask.distributed import Client, LocalCluster  # noqa: E402

from quotes.batch import run  # noqa: E402
from quotes.cli import main  # noqa: E402
from quotes.dask import extract_bag, extract_sources  # noqa: E402
from quotes.inputs import documents, expand  # noqa: E402

TEXTS = [
    'وقال المتحدث باسم الوزارة أحمد فريد: "سنعلن النتائج غدا".',
    "وأكد المدير العام سمير نبيل أن العمل مستمر، مشيرا إلى أن الخطة تسير كما ينبغي.",
    "خبر بلا اقتباس.",
    "وقالت الوزيرة هدى سالم إن الامتحانات ستبدأ غدا.",
    'التقى الرئيس الجنرال "أحمد سالم" في القصر.',
]


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        yield cluster


@pytest.fixture
def folder(tmp_path):
    for i, text in enumerate(TEXTS * 3):
        (tmp_path / f"{i:02d}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe")
    return tmp_path


def lines(docs):
    return [d.to_json() for d in docs]


def test_sources_on_two_workers_match_one_process(cluster, folder):
    single = lines(run(documents(expand([str(folder)])), backend="rules"))
    with Client(cluster) as client:
        distributed = lines(extract_sources(client, [str(folder)], backend="rules", partition_size=4))
    assert distributed == single
    assert len(single) == len(TEXTS) * 3 + 1 and json.loads(single[-1])["errors"]


def test_a_bag_of_records(cluster):
    records = [{"id": f"r{i}", "text": t} for i, t in enumerate(TEXTS)]
    with Client(cluster):
        docs = extract_bag(db.from_sequence(records, npartitions=2), backend="rules").compute()
    assert [d.document for d in docs] == [r["id"] for r in records]
    assert docs[0].quotes[0].speaker.name == "أحمد فريد"


def test_cli_scheduler(cluster, folder):
    result = CliRunner().invoke(main, ["extract", "--backend", "rules", "--scheduler", cluster.scheduler_address,
                                       str(folder)])
    single = CliRunner().invoke(main, ["extract", "--backend", "rules", str(folder)])
    assert result.exit_code == single.exit_code == 1  # the bad file
    assert result.stdout == single.stdout
