"""`make train`: fit the detector's word model on the tuning splits and write its weights to
server/nextlead/detect_model.json. The held-out split is never read here.

    python -m tests.train_detector            # train on every tune* split
    python -m tests.train_detector tune tune2 # train on these only (to validate on another)
"""

from __future__ import annotations

import json
import sys

from nextlead.detect import MODEL_PATH, body_text, features
from nextlead.mail.parse import parse_email

from tests.eval import CORPUS, splits

C = 1.0  # inverse regularisation, chosen by cross-validation over the tune splits
CORPUS_NAMES = {
    "jordan",
    "rivera",
    "mira",
    "hoffmann",
    "s:jordan",
    "s:rivera",
    "s:mira",
    "s:hoffmann",
    "robin",
    "castellanos",
    "s:robin",
    "s:castellanos",
    "tomas",
    "lindqvist",
    "s:tomas",
    "s:lindqvist",
    "tomás",
    "s:tomás",
    "keiko",
    "brandt",
    "s:keiko",
    "s:brandt",
    "lukas",
    "meyer",
    "s:lukas",
    "s:meyer",
    "sofia",
    "marchetti",
    "s:sofia",
    "s:marchetti",
    "claire",
    "dubois",
    "s:claire",
    "s:dubois",
    "mateo",
    "ruiz",
    "s:mateo",
    "s:ruiz",
    "aylin",
    "s:aylin",
    "demir",
    "s:demir",
    "femke",
    "s:femke",
    "jansen",
    "s:jansen",
    "oliver",
    "s:oliver",
    "bennett",
    "s:bennett",
    "lotte",
    "s:lotte",
    "peeters",
    "s:peeters",
    "jonas",
    "s:jonas",
    "becker",
    "s:becker",
    "rahul",
    "s:rahul",
    "mehta",
    "s:mehta",
    "lucía",
    "s:lucía",
    "lucia",
    "s:lucia",
    "fernández",
    "s:fernández",
    "fernandez",
    "s:fernandez",
    "mathieu",
    "s:mathieu",
    "girard",
    "s:girard",
    "daan",
    "s:daan",
    "mulder",
    "s:mulder",
    "alejandro",
    "s:alejandro",
    "ríos",
    "s:ríos",
    "rios",
    "s:rios",
    "carmen",
    "s:carmen",
    "ortega",
    "s:ortega",
    "eva",
    "s:eva",
    "smit",
    "s:smit",
    "marta",
    "s:marta",
    "kowalczyk",
    "s:kowalczyk",
    "ben",
    "s:ben",
    "adeyemi",
    "s:adeyemi",
    "jana",
    "s:jana",
    "novak",
    "s:novak",
    "wout",
    "s:wout",
    "claes",
    "s:claes",
    "camila",
    "s:camila",
    "duarte",
    "s:duarte",
    "diego",
    "s:diego",
    "salazar",
    "s:salazar",
    "grace",
    "s:grace",
    "whitfield",
    "s:whitfield",
    "maarten",
    "s:maarten",
    "hendriks",
    "s:hendriks",
    "léa",
    "s:léa",
    "lea",
    "s:lea",
    "fontaine",
    "s:fontaine",
    "stefan",
    "s:stefan",
    "gruber",
    "s:gruber",
    "valentina",
    "s:valentina",
    "herrera",
    "s:herrera",
    "hannah",
    "s:hannah",
    "price",
    "s:price",
    "noor",
    "s:noor",
    "bakker",
    "s:bakker",
    "pablo",
    "s:pablo",
    "navarro",
    "s:navarro",
    "felix",
    "s:felix",
    "wagner",
    "s:wagner",
    "ximena",
    "s:ximena",
    "castro",
    "s:castro",
    "richter",
    "s:richter",
    "ruben",
    "s:ruben",
    "graaf",
    "s:graaf",
    "degraaf",
    "s:degraaf",
    "corinne",
    "s:corinne",
    "baumann",
    "s:baumann",
    "verhaegen",
    "s:verhaegen",
    "marie",
    "s:marie",
    "ève",
    "s:ève",
    "eve",
    "s:eve",
    "tremblay",
    "s:tremblay",
    "álvaro",
    "s:álvaro",
    "alvaro",
    "s:alvaro",
    "jiménez",
    "s:jiménez",
    "jimenez",
    "s:jimenez",
    "siobhan",
    "s:siobhan",
    "kelly",
    "s:kelly",
    "julien",
    "s:julien",
    "lambert",
    "s:lambert",
    "katharina",
    "s:katharina",
    "pichler",
    "s:pichler",
    "martina",
    "s:martina",
    "sosa",
    "s:sosa",
    "tyler",
    "s:tyler",
    "brooks",
    "s:brooks",
    "sanne",
    "s:sanne",
    "visser",
    "s:visser",
    "daniela",
    "s:daniela",
    "rojas",
    "s:rojas",
    "arjun",
    "s:arjun",
    "morel",
    "s:morel",
    "martín",
    "s:martín",
    "martin",
    "s:martin",
    "irene",
    "s:irene",
    "castillo",
    "s:castillo",
    "noémie",
    "s:noémie",
    "noemie",
    "s:noemie",
    "favre",
    "s:favre",
    "florian",
    "s:florian",
    "huber",
    "s:huber",
    "paredes",
    "s:paredes",
    "keisha",
    "s:keisha",
    "morgan",
    "s:morgan",
    "gareth",
    "s:gareth",
    "pryce",
    "s:pryce",
    "sven",
    "s:sven",
    "boer",
    "s:boer",
    "émilie",
    "s:émilie",
    "emilie",
    "s:emilie",
    "gagnon",
    "s:gagnon",
    "liam",
    "s:liam",
    "o'sullivan",
    "s:o'sullivan",
    "osullivan",
    "s:osullivan",
    "chloé",
    "s:chloé",
    "chloe",
    "s:chloe",
    "tobias",
    "s:tobias",
    "brandl",
    "s:brandl",
    "valeria",
    "s:valeria",
    "quispe",
    "s:quispe",
    "ngozi",
    "s:ngozi",
    "eze",
    "s:eze",
    "marco",
    "s:marco",
    "bianchi",
    "s:bianchi",
    "sara",
    "s:sara",
    "lindgren",
    "s:lindgren",
    "andrés",
    "s:andrés",
    "andres",
    "s:andres",
    "moreno",
    "s:moreno",
}
MIN_WEIGHT = 0.02  # smaller weights move no verdict on any split (checked) and only cost memory


def examples(split: str) -> tuple[list[set[str]], list[int]]:
    rows, labels = [], []
    for line in (CORPUS / split / "labels.jsonl").read_text().splitlines():
        label = json.loads(line)
        email = parse_email((CORPUS / split / label["file"]).read_bytes())
        # The corpus is all written to one person: their name must not become a feature.
        rows.append(
            {
                f
                for f in features(email.subject, body_text(email))
                if not CORPUS_NAMES.intersection(f.split())
            }
        )
        labels.append(int(label["is_rejection"]))
    return rows, labels


def train(splits: list[str]) -> dict:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows, labels = [], []
    for split in splits:
        more_rows, more_labels = examples(split)
        rows += more_rows
        labels += more_labels
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([dict.fromkeys(r, 1) for r in rows])
    model = LogisticRegression(C=C, max_iter=5000).fit(matrix, labels)
    weighted = [
        (w, name)
        for w, name in zip(model.coef_[0], vectorizer.get_feature_names_out(), strict=True)
        if abs(w) >= MIN_WEIGHT
    ]
    return {
        "trained_on": splits,
        "examples": len(labels),
        "intercept": round(float(model.intercept_[0]), 4),
        "weights": {name: round(float(w), 4) for w, name in sorted(weighted, key=lambda p: p[1])},
    }


def main() -> None:
    chosen = sys.argv[1:] or sorted(s for s in splits() if s.startswith("tune"))
    assert not any(s.startswith("heldout") for s in chosen), "held-out splits are never trained on"
    data = train(chosen)
    MODEL_PATH.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(
        f"trained on {', '.join(chosen)} ({data['examples']} emails); "
        f"{len(data['weights'])} weights -> {MODEL_PATH}"
    )


if __name__ == "__main__":
    main()
