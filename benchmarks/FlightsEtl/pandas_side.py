"""The pandas side of the flights comparison: the notebook's own steps, timed, on the files the .NET harness read.

read_csv per file with the notebook's parse_dates and dtype, then concat (its cell 6); the result column made as
the notebook makes it (inf -> NaN, mean imputation, astype(int), times 2); to_sql of that column with
if_exists='replace', index=False, chunksize=10000 (its load), through a plain sqlite3 connection and, when
SQLAlchemy is installed, through create_engine as the notebook does. Prints wall and CPU time per step and repeat
(CPU is what to compare on a shared machine, where the wall time is the machine's).

Usage: python3 pandas_side.py DATA_DIR [REPEATS] [DB_PATH]
"""
import glob
import os
import sqlite3
import sys
import time

import numpy as np
import pandas as pd

data_dir = sys.argv[1] if len(sys.argv) > 1 else "data"
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
db_path = sys.argv[3] if len(sys.argv) > 3 else "pandas_side.db"
files = sorted(glob.glob(os.path.join(data_dir, "*.csv")))
if not files:
    sys.exit(f"no *.csv files in {data_dir}")


def read_all():
    frames = [pd.read_csv(f, parse_dates={"Date": [0, 1, 2]},
                          dtype={"TailNum": str, "CRSElapsedTime": float, "Cancelled": bool}) for f in files]
    return pd.concat(frames)


def result_column(df):
    dep = df["DepDelay"].replace([np.inf, -np.inf], np.nan).astype(float)
    dep = dep.fillna(dep.mean())  # SimpleImputer(strategy="mean") on one column
    return dep.astype(int).to_numpy() * 2


def timed(step, action):
    started, cpu = time.perf_counter(), time.process_time()
    value = action()
    print(f"pandas {step}: wall {time.perf_counter() - started:.3f} s, cpu {time.process_time() - cpu:.3f} s", flush=True)
    return value


print(f"pandas {pd.__version__}, numpy {np.__version__}, {len(files)} files in {data_dir}", flush=True)
engine = None
try:
    from sqlalchemy import create_engine
    engine = create_engine(f"sqlite:///{db_path}")
except ImportError:
    print("pandas to_sql through SQLAlchemy: skipped (SQLAlchemy is not installed)", flush=True)

for repeat in range(repeats):
    df = timed("read_csv (parse_dates, dtype) + concat", read_all)
    values = result_column(df)
    frame = pd.DataFrame({"result": values})
    del df
    print(f"pandas rows: {len(frame)}", flush=True)

    def load_sqlite3():
        with sqlite3.connect(db_path) as connection:
            frame.to_sql("pandas_result", connection, if_exists="replace", index=False, chunksize=10000)

    timed("to_sql (sqlite3 connection)", load_sqlite3)
    if engine is not None:
        timed("to_sql (SQLAlchemy engine)", lambda: frame.to_sql("pandas_result", engine, if_exists="replace", index=False, chunksize=10000))
