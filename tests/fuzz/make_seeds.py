#!/usr/bin/python3
"""Writes the fuzz seed corpora under tests/fuzz/corpus/<target>/ from ../shared/data.

Small cuts (a few lines, a few KB) of the real files, plus hand-written edge cases for formats the
shared data lacks (UNSW-NB15, CIC-IDS2017 rows as in tst_readers). Deterministic: same data, same
seeds. Usage: tests/fuzz/make_seeds.py [--data ../shared/data]
"""
import argparse
import gzip
import hashlib
import json
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_SEED = 4096


def lines_of(path, limit=400):
    opener = gzip.open if path.endswith(".gz") else open
    out = []
    with opener(path, "rb") as f:
        for i, line in enumerate(f):
            if i >= limit:
                break
            out.append(line)
    return out


def cut(lines, start, count):
    blob = b"".join(lines[start:start + count])
    return blob[:MAX_SEED]


class Corpus:
    def __init__(self, target):
        self.dir = os.path.join(HERE, "corpus", target)
        os.makedirs(self.dir, exist_ok=True)
        for name in os.listdir(self.dir):
            os.remove(os.path.join(self.dir, name))

    def add(self, name, data):
        if not data:
            return  # libFuzzer tries the empty input by itself
        with open(os.path.join(self.dir, name), "wb") as f:
            f.write(data)


def access_logs(data):
    c = Corpus("accesslog")
    for name in ["apache_elastic_sample.log", "scanner_acunetix.log", "scanner_netsparker.log", "scanner_w3af.log"]:
        lines = lines_of(os.path.join(data, "web", name))
        stem = name.split(".")[0]
        for start, count in [(0, 6), (50, 12), (200, 20), (390, 3)]:
            c.add(f"{stem}_{start}.log", cut(lines, start, count))
    elastic = lines_of(os.path.join(data, "web", "apache_elastic_sample.log"))
    # common: the combined lines without referer and agent.
    common = [l.split(b' "', 2)[0] + b' "' + l.split(b' "', 2)[1].split(b'" ', 1)[0] + b'" '
              + l.split(b'" ', 1)[1].split(b' "', 1)[0] + b"\n" for l in elastic[:10]]
    c.add("common.log", b"".join(common))
    c.add("crlf.log", cut(elastic, 10, 6).replace(b"\n", b"\r\n"))
    c.add("elastic.log.gz", gzip.compress(cut(elastic, 20, 8), mtime=0))
    # A user nginx log_format (first line) and lines written with it.
    nginx = [b"log_format $remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent "
             b"\"$http_referer\" \"$http_user_agent\" $request_time $upstream_addr\n"]
    for l in elastic[30:40]:
        nginx.append(l.rstrip(b"\n") + b" 0.012 10.0.0.5:8080\n")
    c.add("nginx_user_format.log", b"".join(nginx))
    c.add("nginx_json_like.log", b"log_format {\"ip\":\"$remote_addr\",\"t\":\"$time_iso8601\",\"s\":$status,"
          b"\"ms\":$msec}\n{\"ip\":\"10.1.2.3\",\"t\":\"2024-03-04T10:00:00+00:00\",\"s\":200,\"ms\":1709546400.123}\n")
    c.add("latin1.log", b'10.0.0.1 - - [04/Mar/2024:10:00:00 +0000] "GET /caf\xe9 HTTP/1.1" 200 12 "-" "M\xfcller"\n')
    c.add("bad_lines.log", b'garbage\n\n10.0.0.1 - - [04/Mar/2024:10:00:00 +0000] "GET / HTTP/1.1" 200 -\n'
          b'10.0.0.1 - - [99/Xyz/2024:25:61:61 +9999] "\x16\x03\x01" 400 0 "-" "-"\n')


def zeek_tsv(data):
    c = Corpus("zeek")
    for name in sorted(os.listdir(os.path.join(data, "zeek"))):
        path = os.path.join(data, "zeek", name)
        if not name.endswith(".log") or os.path.isdir(path):
            continue
        lines = lines_of(path)
        header = [l for l in lines[:10] if l.startswith(b"#")]
        body = [l for l in lines if not l.startswith(b"#")]
        stem = name[:-4]
        c.add(f"{stem}.log", (b"".join(header) + b"".join(body[:6]) + b"#close\t2014-04-03-10-08-28\n")[:MAX_SEED])
        if len(body) > 20:
            c.add(f"{stem}_mid.log", (b"".join(header) + b"".join(body[15:19]))[:MAX_SEED])
    dhcp = lines_of(os.path.join(data, "zeek", "dhcp.log"))
    c.add("dhcp_crlf.log", b"".join(dhcp).replace(b"\n", b"\r\n"))
    c.add("dhcp_noheader_types.log", b"".join(l for l in dhcp if not l.startswith(b"#types")))


def zeek_json(data):
    c = Corpus("zeekjson")
    for name in sorted(os.listdir(os.path.join(data, "zeek", "json"))):
        lines = lines_of(os.path.join(data, "zeek", "json", name))
        stem = name[:-4]
        for start, count in [(0, 4), (20, 6), (30, 2)]:
            c.add(f"{stem}_{start}.log", cut(lines, start, count))
    c.add("nested.log", b'{"ts":"2024-03-04T10:00:00.5Z","a":{"b":[1,2,{"c":null}]},"s":"\\u00e9\\ud83d\\ude00"}\n'
          b'{"ts":1e308,"n":-0.0,"big":123456789012345678901234567890}\n{"unterminated":"\n[1,2]\n')


def csv_sets(data):
    c = Corpus("csv")
    for rel, stem in [("nsl-kdd/KDDTrain+.txt.gz", "nslkdd_train"), ("nsl-kdd/KDDTest+.txt.gz", "nslkdd_test"),
                      ("kddcup99/kddcup.data_10_percent.gz", "kdd99"), ("kddcup99/corrected.gz", "kdd99_corrected")]:
        lines = lines_of(os.path.join(data, rel))
        for start, count in [(0, 8), (100, 12)]:
            c.add(f"{stem}_{start}.csv", cut(lines, start, count))
    c.add("unsw.csv", b"59.166.0.0,1390,149.171.126.6,53,udp,CON,0.001055,132,164,31,29,0,0,dns,500473.9375,"
          b"621800.9375,2,2,0,0,0,0,66,82,0,0,0,0,1421927414,1421927414,0.017,0.013,0,0,0,0,0,0,0,0,3,7,1,3,1,1,1,,0\n"
          b"175.45.176.1,0x000b,149.171.126.16,80,tcp,FIN,1.1,1000,200,62,252,2,1,http,1.0,2.0,10,8,255,255,1,2,100,"
          b"25,1,0,0.5,0.6,1421927414,1421927415,0.1,0.2,0.01,0.005,0.005,0,1,1,0,0,2,2,1,1,1,1,1,Exploits,1\n")
    c.add("cic.csv", b" Destination Port, Flow Duration, Flow Bytes/s, Fwd Header Length, Fwd Header Length, Label\n"
          b"80,1000,Infinity,20,20,BENIGN\n443,NaN,12.5,-1,32,DDoS\n22,5,,40,40,SSH-Patator\n")
    c.add("quoted.csv", b'name,comment,value\n"a, b","say ""hi""",1\n"multi\nline",x,2.5\n"open quote,3\n')
    c.add("semicolon.csv", b"a;b;c\n1;2;3\n4;;6\nx;y;z\n")
    c.add("tabs.tsv", b"h1\th2\n1\t2\n3\t4\n")
    c.add("bom.csv", b"\xef\xbb\xbfid,label\n1,normal\n2,attack\n")
    c.add("ragged.csv", b"a,b,c\n1,2\n1,2,3,4\n,,\n")


def queries():
    c = Corpus("query")
    filters = [
        "status >= 400", "host contains \"admin\"", "not (status = 200 or status = 304)",
        "src_ip in 10.0.0.0/8", "src_ip not in (192.168.0.1, 10.0.0.0/8, ::1, fe80::/10)",
        "time between \"2024-03-04 10:00\" and \"2024-03-04T12:00:00Z\"", "time > 1709546400",
        "label = attack and bytes > 1e6", "label in (normal, attack)", "bytes between -1.5 and 2.5e3",
        "host = 'single quoted' or host != \"esc\\\"aped\"", "((((status = 1))))", "status <> 5 and not not status = 6",
        "host not contains \"%_\"", "src_ip = 2001:db8::1", "src_ip in 1.2.3.4/33", "stauts = 200",
        "status = \"abc\"", "time = \"2024-02-30\"", "host in ()", "and or not", "status = 200 or", "\"unterminated",
        "bytes > nan", "bytes < inf", "status = 99999999999999999999999", "host = \"\\u0000\"", "",
        "   ", "label = benign", "src_ip in ::ffff:10.0.0.0/104", "host contains \"é\" and host = \"日本\"",
    ]
    for i, f in enumerate(filters):
        c.add(f"filter_{i:02d}.txt", f.encode("utf-8"))


def bundle(header, payload):
    js = json.dumps(header, separators=(",", ":")).encode()
    out = b"VIGILMDL" + struct.pack("<II", 1, len(js)) + js + struct.pack("<Q", len(payload)) + payload
    return out + hashlib.sha256(out).digest()


def bundles():
    c = Corpus("bundle")
    blocks = [{"name": "protocol_type", "kind": "onehot", "offset": 0, "width": 2,
               "features": ["protocol_type=tcp", "protocol_type=udp"]},
              {"name": "src_bytes", "kind": "numeric", "offset": 2, "width": 1, "features": ["src_bytes"]}]
    header = {"kind": "autoencoder", "width": 3, "featureNames": ["protocol_type=tcp", "protocol_type=udp", "src_bytes"],
              "blocks": blocks, "threshold": 0.25, "targetFpr": 0.01, "temperature": 1.0,
              "options": {"hidden": [64, 32, 16], "dropout": 0.1, "numericWeight": 1.0},
              "training": {"epochs": 3, "loss": [0.5, 0.3, 0.2]}, "schema": {"columns": []},
              "vigilVersion": "0.1.0", "torchVersion": "1.13.1"}
    c.add("autoencoder.vmdl", bundle(header, b"PK\x03\x04" + bytes(range(64))))
    c.add("vae.vmdl", bundle(dict(header, kind="vae", options={"hidden": [32], "groups": 3, "categories": 4}), b""))
    c.add("header.json", json.dumps(header).encode())
    c.add("header_bad_blocks.json", json.dumps(dict(header, blocks=[dict(blocks[0], offset=1)])).encode())
    c.add("header_empty.json", b"{}")
    c.add("header_array.json", b"[1,2,3]")
    full = bundle(header, b"weights")
    c.add("truncated.vmdl", full[:len(full) - 5])
    c.add("bad_magic.vmdl", b"VIGILMDX" + full[8:])
    c.add("bad_version.vmdl", full[:8] + struct.pack("<I", 2) + full[12:])
    c.add("huge_lengths.vmdl", full[:12] + struct.pack("<I", 0xFFFFFFF0) + full[16:])


def gzips(data):
    c = Corpus("gzip")
    elastic = lines_of(os.path.join(data, "web", "apache_elastic_sample.log"))
    text = cut(elastic, 0, 10)
    c.add("plain.log", text)
    c.add("plain_crlf_cr.log", text.replace(b"\n", b"\r\n", 3).replace(b"\n", b"\r", 2))
    c.add("long_lines.txt", (b"x" * 300 + b"\n") * 3 + b"y" * 70 + b"\r" + b"\n\n\x00\n")
    c.add("one.gz", gzip.compress(text, mtime=0))
    c.add("two_members.gz", gzip.compress(text[:500], mtime=0) + gzip.compress(text[500:], mtime=0))
    c.add("truncated.gz", gzip.compress(text, mtime=0)[:-20])
    c.add("garbage_after.gz", gzip.compress(text, mtime=0) + b"\x00\x00garbage")
    c.add("bomb_small.gz", gzip.compress(b"\n" * 3_000_000, mtime=0)[:MAX_SEED])
    kdd = open(os.path.join(data, "nsl-kdd", "KDDTest-21.txt.gz"), "rb").read(2048)
    c.add("nslkdd_head.gz", kdd)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=os.path.join(HERE, "..", "..", "..", "shared", "data"))
    args = ap.parse_args()
    access_logs(args.data)
    zeek_tsv(args.data)
    zeek_json(args.data)
    csv_sets(args.data)
    queries()
    bundles()
    gzips(args.data)


if __name__ == "__main__":
    main()
