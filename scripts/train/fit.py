"""
Trains storybot's answer model from the features extract.ts wrote (one row per candidate span):

1. a ranker (LightGBM LambdaRank) that orders a question's candidates, on the train split;
2. an abstainer (LightGBM binary) that predicts P(the ranker's top answer is right), on the train
   split (scored out of fold) and the calibration split, from the top candidate's features and the
   ranker's view of the pool;
3. an isotonic calibration of that probability, and the default threshold, on the same questions
   scored out of fold (cross-fitted by article).

Writes the model as JSON (the training format of src/engine/answer/model/model-file.ts, which
train.ts packs into the file answering reads), and a report of the figures on the dev split. Deterministic: fixed seeds, deterministic LightGBM.

Usage: python3 fit.py WORK_DIR OUT_MODEL.json [--quick]
"""
import json
import sys

import lightgbm as lgb
import numpy as np
from sklearn.isotonic import IsotonicRegression

SEED = 20201022
RIGHT = 0.5  # an answer is right when its F1 with a gold answer is at least this
FOLDS = 3  # for the out-of-fold ranker scores the abstainer learns from
ABSTAIN_EXTRA = ["a_top", "a_margin", "a_share", "a_agree", "a_pool"]
# the ranker's cascade (answer-model.ts, scoreByCascade): every candidate gets the first trees, the
# best few by that partial score all of them; measured in docs/answering.md
CASCADE = {"trees": 60, "finalists": 16}
BELOW = 1e-6


def load(work):
    names = json.load(open(f"{work}/features.json"))
    x = np.fromfile(f"{work}/features.f32", dtype=np.float32).reshape(-1, len(names))
    rows = [line.rstrip("\n").split("\t") for line in open(f"{work}/candidates.tsv", encoding="utf8")][1:]
    qid = np.array([int(r[0]) for r in rows], dtype=np.int64)
    f1 = np.array([float(r[1]) for r in rows])
    exact = np.array([float(r[2]) for r in rows])
    # where each candidate is and what it names, for the abstainer's view of the pool
    place = [(int(r[3]), int(r[4]), int(r[5]), r[6] if len(r) > 6 else "") for r in rows]
    queries = [line.rstrip("\n").split("\t") for line in open(f"{work}/queries.tsv")][1:]
    return names, x, qid, f1, exact, place, queries


def relevance(f1, exact):
    return np.where(exact > 0, 3, np.where(f1 >= 0.67, 2, np.where(f1 >= 0.34, 1, 0))).astype(np.int32)


def groups_of(qid):
    """Lengths of the runs of equal query ids (rows are written query by query)."""
    _, starts, counts = np.unique(qid, return_index=True, return_counts=True)
    order = np.argsort(starts)
    return starts[order], counts[order]


def tree_to_arrays(node, out):
    """Flattens LightGBM's nested tree: internal nodes get indices >= 0, leaves ~index (< 0)."""
    if "leaf_value" in node:
        out["v"].append(node["leaf_value"])
        return ~(len(out["v"]) - 1)
    if node.get("decision_type", "<=") != "<=":
        raise ValueError("only numerical splits are supported")
    i = len(out["f"])
    out["f"].append(node["split_feature"])
    out["t"].append(node["threshold"])
    out["l"].append(0)
    out["r"].append(0)
    out["l"][i] = tree_to_arrays(node["left_child"], out)
    out["r"][i] = tree_to_arrays(node["right_child"], out)
    return i


def export(booster):
    dump = booster.dump_model()
    trees = []
    for t in dump["tree_info"]:
        out = {"f": [], "t": [], "l": [], "r": [], "v": []}
        root = tree_to_arrays(t["tree_structure"], out)
        if root < 0:  # a single leaf
            out = {"f": [0], "t": [float("inf")], "l": [root], "r": [root], "v": out["v"]}
        trees.append(out)
    return trees


def cascade_scores(booster, x, qid, cascade):
    """As scoreByCascade in answer-model.ts, question by question."""
    partial = booster.predict(x, num_iteration=cascade["trees"], num_threads=2)
    full = booster.predict(x, num_threads=2)
    out = partial.copy()
    starts, counts = groups_of(qid)
    for s, n in zip(starts, counts):
        p = partial[s : s + n]
        # the best partial scores, the earlier candidate first on a tie
        finalists = np.lexsort((np.arange(n), -p))[: cascade["finalists"]]
        f = full[s + finalists]
        out[s + finalists] = f
        if len(finalists) < n:
            shift = float(np.mean(f - p[finalists]))
            rest = np.ones(n, dtype=bool)
            rest[finalists] = False
            out[s : s + n][rest] = np.minimum(p[rest] + shift, f.min() - BELOW)
    return out


def pool_extras(sc, place, top):
    """As src/engine/answer/pool-view.ts: margin to the best non-overlapping span, the share of the
    softmax held by spans overlapping the top one, other spans naming the same answer, pool size."""
    me = place[top]
    e = np.exp(sc - sc[top])
    other, mine, agree = -np.inf, 0.0, 0
    for i, p in enumerate(place):
        if p[0] == me[0] and p[1] < me[2] and me[1] < p[2]:
            mine += e[i]
        else:
            other = max(other, sc[i])
            if f" {me[3]} " in f" {p[3]} " or f" {p[3]} " in f" {me[3]} ":
                agree += 1
    margin = 10.0 if other == -np.inf else sc[top] - other
    return [sc[top], margin, mine / e.sum(), float(agree), float(len(sc))]


def abstainer_rows(x, qid, score, f1, place, starts, counts, queries):
    """One row per question: the top candidate's features and the ranker's view of the whole pool."""
    feats, labels, qids, top_f1 = [], [], [], []
    for s, n in zip(starts, counts):
        sc = score[s : s + n]
        top = int(np.argmax(sc))
        extra = pool_extras(sc, place[s : s + n], top)
        q = int(qid[s])
        answerable = queries[q][3] == "1"
        right = answerable and f1[s + top] >= RIGHT
        feats.append(np.concatenate([x[s + top], np.array(extra, dtype=np.float32)]))
        labels.append(1 if right else 0)
        qids.append(q)
        top_f1.append(f1[s + top] if answerable else 0.0)
    return np.array(feats, dtype=np.float32), np.array(labels), np.array(qids), np.array(top_f1)


def squad2_scores(p, answerable, top_f1, threshold):
    """Each question's SQuAD 2.0 score at a threshold: an answer earns its F1, abstaining earns 1 on an unanswerable question and 0 on another."""
    answered = p >= threshold
    return np.where(answered, np.where(answerable, top_f1, 0.0), np.where(answerable, 0.0, 1.0))


def squad2_f1(p, answerable, top_f1, threshold):
    return float(np.mean(squad2_scores(p, answerable, top_f1, threshold)))


def cautious_threshold(p, answerable, top_f1, thresholds):
    """
    The highest threshold whose SQuAD 2.0 F1, and that of every threshold between it and the best,
    is within one standard error of the best (the one-standard-error rule, paired by question).
    Near its best the F1 is flat, so the best threshold itself moved by 0.06 between retrainings
    that changed nothing much; among thresholds the data cannot tell apart, the bot takes the one
    that answers wrongly least.
    """
    scores = {t: squad2_scores(p, answerable, top_f1, t) for t in thresholds}
    best = max(thresholds, key=lambda t: (scores[t].mean(), -t))
    n = len(p)

    def within(t):
        d = scores[t] - scores[best]
        return d.mean() >= -d.std(ddof=1) / np.sqrt(n) if n > 1 else t == best

    # upwards from the best, as long as each threshold stays within reach of it
    chosen = best
    for t in sorted(t for t in thresholds if t > best):
        if not within(t):
            break
        chosen = t
    return best, chosen


def band_text(b):
    right = "-" if b["right"] is None else f"{100 * b['right']:.0f}%"
    return f"{b['band'][0]:.1f}-{b['band'][1]:.1f}: {b['questions']} questions, {right} right"


def reliability(p, right, bands=(0, 0.2, 0.4, 0.6, 0.8, 1.0001)):
    rows = []
    for lo, hi in zip(bands[:-1], bands[1:]):
        m = (p >= lo) & (p < hi)
        rows.append({"band": [lo, min(hi, 1.0)], "questions": int(m.sum()), "right": float(right[m].mean()) if m.any() else None})
    return rows


def main():
    work, out_path = sys.argv[1], sys.argv[2]
    quick = "--quick" in sys.argv
    names, x, qid, f1, exact, place, queries = load(work)
    split = np.array([queries[q][1] for q in qid])
    answerable_q = np.array([queries[q][3] == "1" for q in qid])
    rel = relevance(f1, exact)

    common = dict(seed=SEED, deterministic=True, force_row_wise=True, num_threads=2, verbose=-1, use_missing=False)
    ranker_params = dict(
        objective="lambdarank", metric="ndcg", eval_at=[1], learning_rate=0.05,
        num_leaves=15 if quick else 31, min_data_in_leaf=5 if quick else 50,
        feature_fraction=0.8, bagging_fraction=0.8, bagging_freq=1, lambdarank_truncation_level=10, **common,
    )
    rounds = 40 if quick else 300
    cascade = {"trees": min(CASCADE["trees"], rounds // 4), "finalists": CASCADE["finalists"]}

    def fit_ranker(rows):
        _, counts = groups_of(qid[rows])
        return lgb.train(ranker_params, lgb.Dataset(x[rows], rel[rows], group=counts, feature_name=names, free_raw_data=False), num_boost_round=rounds)

    train = (split == "train") & answerable_q
    ranker = fit_ranker(train)
    score = cascade_scores(ranker, x, qid, cascade)
    # the train split's questions scored out of fold (by article), so that the abstainer also learns
    # from them, seeing scores the ranker gives questions it never saw, as it will when answering
    article = np.array([queries[q][6] for q in qid])
    fold = np.array([int(a, 16) % FOLDS for a in article])
    for k in range(FOLDS):
        rows = train & (fold != k)
        held = (split == "train") & (fold == k)
        if rows.any() and held.any():
            score[held] = cascade_scores(fit_ranker(rows), x[held], qid[held], cascade)

    full_score = ranker.predict(x, num_threads=2)
    all_starts, all_counts = groups_of(qid)
    ax, ay, aq, atop = abstainer_rows(x, qid, score, f1, place, all_starts, all_counts, queries)
    asplit = np.array([queries[q][1] for q in aq])
    # every question outside the dev split both fits the abstainer and calibrates it, cross-fitted:
    # each fold by article is scored by an abstainer fitted on the others, the isotonic map and the
    # threshold are chosen on those scores, and the shipped abstainer is fitted on all of them. A
    # held-out half of the calibration split alone (~5,300 questions asked) left the threshold to noise:
    # it moved by up to 0.10 between retrainings that changed little.
    pool_rows = (asplit == "train") | (asplit == "calibrate")
    dev_rows = asplit == "dev"
    afold = np.array([int(queries[q][6], 16) % FOLDS for q in aq])
    abst_params = dict(objective="binary", learning_rate=0.05, num_leaves=7 if quick else 15, min_data_in_leaf=5 if quick else 40,
                       feature_fraction=0.8, bagging_fraction=0.8, bagging_freq=1, **common)
    abst_names = names + ABSTAIN_EXTRA
    abst_rounds = 40 if quick else 200

    def fit_abstainer(rows):
        return lgb.train(abst_params, lgb.Dataset(ax[rows], ay[rows], feature_name=abst_names), num_boost_round=abst_rounds)

    oof = np.zeros(len(ay))
    for k in range(FOLDS):
        rows, held = pool_rows & (afold != k), pool_rows & (afold == k)
        if rows.any() and held.any():
            oof[held] = fit_abstainer(rows).predict(ax[held], num_threads=2)
    abstainer = fit_abstainer(pool_rows)
    raw = abstainer.predict(ax, num_threads=2)
    iso = IsotonicRegression(out_of_bounds="clip", y_min=0.0, y_max=1.0).fit(oof[pool_rows], ay[pool_rows])
    # dev questions as answering sees them; the others as their fold's abstainer saw them
    shipped = iso.predict(raw)
    p = np.where(dev_rows, shipped, iso.predict(oof))
    cal_rows = pool_rows

    # the default threshold: the most cautious one those questions cannot tell from the best (cautious_threshold)
    answerable_a = np.array([queries[q][3] == "1" for q in aq])
    thresholds = [round(t, 2) for t in np.linspace(0, 1, 101)]
    top_t, best_t = cautious_threshold(p[cal_rows], answerable_a[cal_rows], atop[cal_rows], thresholds)

    def report(rows):
        answerable = answerable_a[rows]
        right, top, pr = ay[rows], atop[rows], p[rows]
        n_ans = max(1, answerable.sum())
        answered = pr >= best_t
        out = {"questions": int(rows.sum()), "answerable": int(answerable.sum())}
        if answerable.any():
            out |= {"top1_right": round(100 * float(right[answerable].mean()), 1), "f1_always": round(100 * float(top[answerable].sum() / n_ans), 1),
                    "f1_at_threshold": round(100 * float(top[answerable & answered].sum() / n_ans), 1), "answered": round(100 * float(answered[answerable].mean()), 1)}
        if (~answerable).any():
            out["abstained"] = round(100 * float((~answered[~answerable]).mean()), 1)
        return out

    forms = {}
    kinds = np.array([queries[q][4] for q in aq])
    for form in ["paragraph", "block", "removed", "swapped", "opposed"]:
        rows = dev_rows & np.array([queries[q][2] == form for q in aq])
        if rows.any():
            forms[form] = report(rows)
            wh = rows & np.isin(kinds, ["who", "when", "where"])
            if wh.any():
                forms[form + " (who/when/where)"] = report(wh)
    # the unanswerable questions SQuAD 2.0's writers made against their paragraphs: the hardest there are
    written = dev_rows & ~answerable_a & np.array([queries[q][2] == "paragraph" and not queries[q][5].endswith("#neg") for q in aq])
    if written.any():
        forms["SQuAD 2.0's own unanswerable"] = report(written)
    forms["all forms, SQuAD 2.0 F1 at the threshold"] = round(100 * squad2_f1(p[dev_rows], answerable_a[dev_rows], atop[dev_rows], best_t), 1)

    # a few candidates and questions with what LightGBM itself computes for them, so that a test
    # can check the TypeScript evaluation against the learner (test/answer-model.test.ts)
    rng = np.random.default_rng(SEED)
    pick = rng.choice(len(qid), size=min(12, len(qid)), replace=False)
    qpick = rng.choice(len(aq), size=min(8, len(aq)), replace=False)
    checks = {
        "ranker": [{"x": [float(v) for v in x[i]], "score": float(full_score[i])} for i in pick],
        "abstainer": [{"x": [float(v) for v in ax[i]], "p": float(shipped[i])} for i in qpick],
    }
    iso_x = [float(v) for v in iso.X_thresholds_]
    iso_y = [float(v) for v in iso.y_thresholds_]
    model = {
        "format": "storybot-answer-model",
        "version": 1,
        "features": names,
        "ranker": {"trees": export(ranker), "cascade": cascade},
        "abstainer": {"features": abst_names, "trees": export(abstainer), "calibration": {"x": iso_x, "y": iso_y}},
        "threshold": float(best_t),
        "checks": checks,
        "training": {
            "questions": {s: int(np.sum(np.array([q[1] for q in queries]) == s)) for s in ["train", "calibrate", "dev"]},
            "candidates": int(len(qid)),
            "rounds": {"ranker": rounds, "abstainer": abst_rounds},
            "dev": forms,
            "reliability_dev": reliability(p[dev_rows], ay[dev_rows]),
            "reliability_calibrate": reliability(p[cal_rows], ay[cal_rows]),
        },
    }
    with open(out_path, "w") as fh:
        json.dump(model, fh, separators=(",", ":"))
    cal_f1 = lambda t: 100 * squad2_f1(p[cal_rows], answerable_a[cal_rows], atop[cal_rows], t)
    print(f"threshold {best_t:.2f}: SQuAD 2.0 F1 {cal_f1(best_t):.1f} on the train and calibration splits, cross-fitted, within one standard error of the best there ({cal_f1(top_t):.1f} at {top_t:.2f})")
    for form, r in forms.items():
        if not isinstance(r, dict):
            print(f"dev, {form}: {r}")
            continue
        parts = [f"{r['questions']} questions"]
        if r.get("answerable"):
            parts.append(f"top answer right {r['top1_right']}%, F1 {r['f1_always']} always answering, {r['f1_at_threshold']} at the threshold ({r['answered']}% answered)")
        if "abstained" in r:
            parts.append(f"abstained on {r['abstained']}% of the unanswerable")
        print(f"dev, {form}: " + "; ".join(parts))
    for name, table in [("dev", model["training"]["reliability_dev"]), ("calibration", model["training"]["reliability_calibrate"])]:
        print(f"reliability ({name}): " + "; ".join(band_text(b) for b in table))


if __name__ == "__main__":
    main()
