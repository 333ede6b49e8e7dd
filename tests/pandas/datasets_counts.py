#!/usr/bin/env python3
"""Independent check of `genoforge select`: the same counts computed with pandas.

Reads the same files, builds torchcell's genotype keys (sorted set of perturbed systematic ORF
names, perturbation type dropped), and prints as JSON each dataset's key count, every pairwise
intersection, and the size of the selection (intersection pairs link datasets into groups; a group
keeps the keys present in all its datasets; the result is the union over groups).

Usage:
  datasets_counts.py --key genotype --dataset dmf:costanzo:SGA.txt --dataset k:kuzmin:K.txt \
      [--dataset ess:genelist:list.txt] [--intersect dmf,k]

Formats: costanzo (Data File S1), kuzmin (Data S1 / Table S1; YDL227C dropped), genelist (one
systematic name per line; lines that are not systematic-looking are skipped as headers).
"""
import argparse
import json
import re

import numpy as np
import pandas as pd

SYSTEMATIC = re.compile(r"^(Y[A-P][LR]\d{3}[WC](-[A-Z])?|Q\d{4}|YNC[A-Q]\d{4}[WC])$")


def orf(col):
    return col.astype(str).str.split("_", n=1).str[0].str.strip().str.upper()


def costanzo(path, key):
    # Columns 0, 2, 4 of the file: Query Strain ID, Array Strain ID, Arraytype/Temp.
    df = pd.read_csv(path, sep="\t", usecols=[0, 2, 4], dtype=str)
    q, a = orf(df.iloc[:, 0]), orf(df.iloc[:, 1])
    lo = np.where(q < a, q, a)
    hi = np.where(q < a, a, q)
    geno = pd.Series(np.where(lo == hi, lo, pd.Series(lo) + ";" + pd.Series(hi)))
    if key == "gene":
        return set(q) | set(a)
    if key == "genotype_environment":
        temp = df.iloc[:, 2].str.extract(r"(\d+)\s*$")[0] + "C"
        geno = geno + "\t" + temp.values
    return set(geno.unique())


def kuzmin(path, key):
    df = pd.read_csv(path, sep="\t", usecols=[0, 2], dtype=str)
    query = df.iloc[:, 0].str.split("_", n=1).str[0].str.upper().str.split("+")
    array = orf(df.iloc[:, 1])
    keys = set()
    for qs, a in zip(query, array):
        genes = sorted({g.strip() for g in qs if g.strip() and g.strip() != "YDL227C"} | {a})
        if key == "gene":
            keys.update(genes)
        else:
            keys.add(";".join(genes))
    return keys


def genelist(path, key):
    with open(path) as f:
        names = pd.Series([line.strip().upper() for line in f], dtype=str)
    return set(names[names.str.match(SYSTEMATIC)])


READERS = {"costanzo": costanzo, "kuzmin": kuzmin, "genelist": genelist}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--key", default="genotype", choices=["gene", "genotype", "genotype_environment"])
    ap.add_argument("--dataset", action="append", required=True, help="name:format:file[,file]")
    ap.add_argument("--intersect", action="append", default=[])
    args = ap.parse_args()

    sets = {}
    for spec in args.dataset:
        name, fmt, files = spec.split(":", 2)
        keys = set()
        for f in files.split(","):
            keys |= READERS[fmt](f, args.key)
        sets[name] = keys
    names = list(sets)

    # Groups: connected components of the intersection pairs.
    parent = {n: n for n in names}

    def root(x):
        while parent[x] != x:
            x = parent[x]
        return x

    for pair in args.intersect:
        ids = pair.split(",")
        for other in ids[1:]:
            parent[root(other)] = root(ids[0])
    groups = {}
    for n in names:
        groups.setdefault(root(n), []).append(n)
    result = set()
    group_sizes = []
    for members in groups.values():
        acc = set.intersection(*(sets[m] for m in members))
        group_sizes.append({"datasets": members, "size": len(acc)})
        result |= acc

    print(json.dumps({
        "key": args.key,
        "sizes": {n: len(sets[n]) for n in names},
        "intersections": {f"{a}&{b}": len(sets[a] & sets[b]) for i, a in enumerate(names) for b in names[i + 1:]},
        "groups": group_sizes,
        "result": len(result),
    }, indent=1))


if __name__ == "__main__":
    main()
