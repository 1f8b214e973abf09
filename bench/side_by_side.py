#!/usr/bin/env python3
"""Side-by-side benchmark: scikit-learn's peer (../shared/peers/sk_peer.py) and `imgcluster bench`, same tasks, same
data, same machine, one sitting; prints the Markdown table for BENCHMARKS.md (medians of --repeat runs, ratio = ours /
peer's). The two never run at the same time.

Usage (from the project root, after `mvn -q -DskipTests package`):
  /usr/bin/python3 bench/side_by_side.py [--repeat 3] [--data ../shared/datasets/fashion-mnist] [TASK ...]
"""
import argparse, os, statistics, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def parse(lines):
    out = {}
    for line in lines.splitlines():
        parts = line.split('\t')
        if len(parts) < 2 or not parts[0] or parts[0].startswith(('unknown', 'WARN')):
            continue
        try:
            secs = float(parts[1])
        except ValueError:
            continue
        out[parts[0]] = (secs, dict(p.split('=', 1) for p in parts[2:] if '=' in p))
    return out


def peer_tasks(tasks):
    """The peer's names: its one ae_epoch task prints both ae_epoch_bs256 and ae_epoch_bs2056."""
    out = []
    for t in tasks:
        t = 'ae_epoch' if t.startswith('ae_epoch_bs') else t
        if t not in out:
            out.append(t)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--repeat', type=int, default=3)
    ap.add_argument('--data', default=os.path.join(ROOT, '..', 'shared', 'datasets', 'fashion-mnist'))
    ap.add_argument('--peer', default=os.path.join(ROOT, '..', 'shared', 'peers', 'sk_peer.py'))
    ap.add_argument('tasks', nargs='*', default=['kmeans10', 'kmeans10x10', 'minibatch50', 'pca', 'pca50', 'gmm10',
                                                 'silhouette_raw', 'silhouette_pca50', 'ward10k', 'spectral10k', 'nmf10',
                                                 'labelspread10', 'tsne10k', 'umap', 'ae_epoch_bs256',
                                                 'ae_epoch_bs2056'])
    a = ap.parse_args()
    peer_runs = []
    for r in range(a.repeat):
        print(f'peer run {r + 1}/{a.repeat}', file=sys.stderr, flush=True)
        res = subprocess.run(['/usr/bin/python3', a.peer, a.data] + peer_tasks(a.tasks), capture_output=True, text=True,
                             check=True)
        peer_runs.append(parse(res.stdout))
    print('imgcluster bench', file=sys.stderr, flush=True)
    data_dir = os.path.dirname(os.path.abspath(a.data))
    res = subprocess.run([os.path.join(ROOT, 'bin', 'imgcluster'), 'bench', '--data-dir', data_dir,
                          '--dataset', os.path.basename(os.path.abspath(a.data)), '--repeat', str(a.repeat)] + a.tasks,
                         capture_output=True, text=True, check=True)
    ours = parse(res.stdout)
    print('| task | scikit-learn (s) | imgcluster (s) | ratio | scikit-learn quality | imgcluster quality | imgcluster peak memory |')
    print('|---|---:|---:|---:|---|---|---:|')
    for t in a.tasks:
        times = [run[t][0] for run in peer_runs if t in run]
        if not times or t not in ours:
            continue
        peer_s = statistics.median(times)
        our_s, our_v = ours[t]
        peak = our_v.pop('peak_mb', '?')
        quality = lambda v: ', '.join(f'{k} {x}' for k, x in v.items())
        print(f'| {t} | {peer_s:.2f} | {our_s:.2f} | {our_s / peer_s:.2f} | {quality(peer_runs[-1][t][1])} | '
              f'{quality(our_v)} | {peak} MB |')


if __name__ == '__main__':
    main()
