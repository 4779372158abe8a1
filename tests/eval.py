"""`make eval`: precision, recall and extraction accuracy on the labelled corpus.

The `tune*` splits are what the rules are tuned on and the word model is trained on; the
`heldout*` splits are only ever scored here, never read while tuning, and the last line sums
them. `python -m tests.eval --errors` lists the tuning splits' mistakes (never the held-out
splits').
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from nextlead.detect import detect
from nextlead.extract import extract
from nextlead.mail.parse import parse_email

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
# The candidates the splits are written to: their own mail is known by address, as a user's is
# by the accounts in config.toml. Each split is judged with the addresses of its own
# candidate only (`own_addresses`), as one user's mailbox is: a recruiter who shares a name
# with another split's candidate is not the user.
OWN = frozenset(
    {
        "jordan.rivera@example.net",
        "mira.hoffmann@mailbox.example",
        "sam.okafor@inbox.example",
        "robin.castellanos@post.example",
        "priya.natarajan@mail.example",
        "tomas.lindqvist@post.example",
        "keiko.brandt@inbox.example",
        "amara.osei@mailhub.example",
        "lukas.meyer@postfach.example",
        "sofia.marchetti@correo.example",
        "daniel.okonkwo@webmail.example",
        "claire.dubois@courriel.example",
        "mateo.ruiz@buzon.example",
        "aylin.demir@postbox.example",
        "femke.jansen@mailpost.example",
        "oliver.bennett@letterbox.example",
        "nadia.haddad@mailspot.example",
        "lotte.peeters@postvak.example",
        "jonas.becker@briefkasten.example",
        "rahul.mehta@inboxmail.example",
        "ines.moreau@boitemail.example",
        "lucia.fernandez@correoweb.example",
        "mathieu.girard@messagerie.example",
        "sanne.visser@webpost.example",
        "daan.mulder@postbus.example",
        "alejandro.rios@buzonmail.example",
        "katharina.vogel@postmail.example",
        "carmen.ortega@correomail.example",
        "eva.smit@postadres.example",
        "marta.kowalczyk@postino.example",
        "ben.adeyemi@mailplace.example",
        "jana.novak@postkasten.example",
        "wout.claes@brievenbus.example",
        "camila.duarte@correoelec.example",
        "diego.salazar@correolatino.example",
        "grace.whitfield@inboxhub.example",
        "maarten.hendriks@postnet.example",
        "lea.fontaine@courrielpro.example",
        "stefan.gruber@postlade.example",
        "valentina.herrera@correoandino.example",
        "hannah.price@mailnest.example",
        "noor.bakker@postvakje.example",
        "pablo.navarro@buzonvalencia.example",
        "felix.wagner@briefpost.example",
        "ximena.castro@correomx.example",
        "jana.richter@postfachmail.example",
        "ruben.degraaf@postmailbox.example",
        "corinne.baumann@postfach-ch.example",
        "wout.verhaegen@mailpunt.example",
        "marieeve.tremblay@courrielqc.example",
        "alvaro.jimenez@buzonmadrid.example",
        "siobhan.kelly@postbox-ie.example",
        "julien.lambert@boitemail.example",
        "katharina.pichler@postkasten.example",
        "martina.sosa@correosur.example",
        "tyler.brooks@inboxmail-us.example",
        "claire.dubois@messagerie-fr.example",
        "sanne.visser@mijnpost-nl.example",
        "jonas.becker@postfach-de.example",
        "daniela.rojas@correocol.example",
        "arjun.mehta@mailbox-in.example",
        "lea.morel@courriel-ch.example",
        "lucia.martin@correo-es.example",
        "irene.castillo@correo-sevilla.example",
        "noemie.favre@courriel-vd.example",
        "florian.huber@postfach-at.example",
        "camila.paredes@correo-ar.example",
        "jelle.vandamme@postbus-be.example",
        "keisha.morgan@inbox-or.example",
        "gareth.pryce@post-cymru.example",
        "sven.deboer@mijnpost-nl.example",
        "emilie.gagnon@courriel-qc.example",
        "jan.petersen@postfach-hh.example",
        "liam.osullivan@mailbox-au.example",
        "chloe.martin@courriel-tls.example",
        "tobias.brandl@postfach-by.example",
        "valeria.quispe@correo-pe.example",
        "fiona.macleod@post-scot.example",
        "ngozi.eze@inbox-uk.example",
        "marco.bianchi@posta-ti.example",
        "sara.lindgren@mailbox-nl.example",
        "andres.moreno@correo-vlc.example",
        "aoife.brennan@post-ie.example",
        "marcus.johnson@inbox-il.example",
        "lea.baumgartner@postfach-zh.example",
        "fiona.campbell@mail-scot.example",
        "katrin.vogel@postfach-koeln.example",
        "lucia.fernandez@correo-madrid.example",
        "femke.jansen@mail-rdam.example",
        "priya.nair@inbox-on.example",
        "rhiannon.davies@post-abertawe.example",
        "pablo.ruiz@correo-zgz.example",
        "nathalie.girard@courriel-lille.example",
        "jack.thompson@mail-leeds.example",
        "anneke.devries@post-denhaag.example",
        "sophie.lambert@courriel-lyon.example",
        "liam.byrne@post-cork.example",
        "annika.schulz@postfach-leipzig.example",
        "diego.herrera@correo-murcia.example",
        "olivia.brown@mail-bristol.example",
        "jonas.vermeulen@postbus-gent.example",
        "carmen.ortiz@correo-bilbao.example",
        "matthias.bauer@postfach-wien.example",
        "emma.walsh@mail-belfast.example",
        "camille.roux@courriel-nantes.example",
        "hannah.fischer@postfach-freiburg.example",
        "tomas.navarro@correo-valencia.example",
        "chloe.dubois@courriel-bordeaux.example",
        "daniel.okoro@mail-brum.example",
        "lotte.bakker@post-groningen.example",
        "brandon.miller@inbox-oh.example",
        "genevieve.cote@courriel-qc.example",
        "moritz.keller@postfach-ffm.example",
        "nuria.puig@correu-bcn.example",
        "felix.hoffmann@postfach-berlin.example",
        "aisling.murphy@post-dub.example",
        "julien.petit@courriel-lyon.example",
        "ruben.visser@mailbox-ams.example",
        "mariana.lopez@correo-cdmx.example",
        "lukas.schneider@postfach-stuttgart.example",
        "pawel.nowak@postbus-venlo.example",
        "sarah.janssens@boite-bxl.example",
        "lucia.romero@correo-malaga.example",
        "oliver.hughes@student-leeds.example",
        "marina.vidal@correo-palma.example",
        "tyler.brooks@mail-tx.example",
        "alba.serrano@correo-mad.example",
        "maxime.lejeune@boite-liege.example",
        "sabine.krueger@postfach-hannover.example",
        "arjun.mehta@mailbox-blr.example",
        "hollie.parker@mail-bristol-vets.example",
        "sanne.mulder@mailbox-utrecht.example",
        "karim.benali@courriel-marseille.example",
        "reto.ammann@postfach-zh-bank.example",
        "daniela.rojas@correo-bogota.example",
        "olivier.tremblay@courriel-mtl.example",
        "jordi.sole@correo-lleida.example",
        "lien.peeters@mailbox-antwerpen.example",
        "katharina.huber@postfach-muc.example",
        "ryan.campbell@inbox-hamilton.example",
        "yassine.elamrani@courriel-casa.example",
        "hemi.walker@inbox-akl.example",
        "constanza.munoz@correo-stgo.example",
        "florian.pichler@postfach-graz.example",
        "thandiwe.nkosi@mailbox-cpt.example",
        "wanjiru.kamau@inbox-nbo.example",
        "laurent.weber@boite-lux.example",
        "martina.pereyra@correo-mvd.example",
        "camille.schaeffer@courriel-stbg.example",
        "keisha.robinson@mail-phl.example",
        "jonas.albrecht@postfach-fra.example",
        "maelle.legoff@courriel-rennes.example",
        "andrea.solis@correo-sjo.example",
        "thijs.vanleeuwen@mailbox-ehv.example",
        "luise.hartmann@postfach-dd.example",
        "priya.raman@inbox-yyc.example",
        "nadine.schwab@postfach-bsl.example",
        "hugo.marchand@courriel-gre.example",
        "fernanda.castillo@correo-gdl.example",
        "callum.hayes@mail-per.example",
        "gabriela.andrade@correo-uio.example",
        "sanne.hermans@post-mst.example",
        "julien.ferracci@courrier-mrs.example",
        "weiling.tan@mail-sg.example",
        "tobias.lindner@postfach-han.example",
        "margaux.laffitte@courriel-bdx.example",
        "pieter.claes@postbus-lvn.example",
        "jasmine.whitaker@inbox-dfw.example",
        "henrik.gerdes@postfach-hb.example",
        "rocio.benitez@correo-asu.example",
        "ines.kovac@postfach-ibk.example",
        "baptiste.morel@courriel-nce.example",
        "siobhan.kelly@post-gwy.example",
        "mateo.gutierrez@correo-pna.example",
        "femke.dijkstra@mailbox-zwl.example",
        "agnieszka.wrobel@skrzynka-krk.example",
        "felix.tremblay@courriel-mtl.example",
        "wout.peeters@postvak-antw.example",
        "thandiwe.mokoena@inbox-cpt.example",
        "reto.bachmann@postfach-bsl.example",
        "nayra.hernandez@correo-tfe.example",
        "ewan.fraser@mail-gla.example",
        "magdalena.eder@postfach-sbg.example",
        "elodie.lambotte@courriel-liege.example",
        "lotte.vermeulen@postbus-nijmegen.example",
        "marisol.quintero@mail-msp.example",
        "callum.reid@lothianpost.example",
        "anais.rouviere@courriel-sud.example",
        "agustina.sosa@casillapampa.example",
        "miriam.esser@rheinpost.example",
        "bram.dewit@postduif.example",
        "quentin.delattre@nordmail.example",
        "severine.aebischer@bernmail.example",
        "nerea.ibanez@buzonmail.example",
        "kevin.verbruggen@kadepost.example",
        "jannik.behrens@elbmail.example",
        "lea.tremblay@courrielboreal.example",
        "aoife.brennan@leemail.example",
        "wouter.claes@kanaalpost.example",
        "rocio.benitez@buzonsur.example",
        "stefan.gruber@murpost.example",
        "corinne.widmer@seepost.example",
        "alejandro.mendoza@buzonmx.example",
        "ruben.degraaf@vechtpost.example",
        "nathalie.vandamme@courrier-bxl.example",
        "sergio.lafuente@cierzomail.example",
    }
)


def splits() -> list[str]:
    """Every labelled split, the tuning ones first, each kind in the order it was written."""
    names = [labels.parent.name for labels in CORPUS.glob("*/labels.jsonl")]
    return sorted(names, key=lambda n: (n.startswith("heldout"), int(re.sub(r"\D", "", n) or 1)))


FIELDS = ("company", "contact_first_name", "reply_to", "role", "language")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def same(found: str | None, expected: str | None) -> bool:
    norm = lambda v: " ".join((v or "").casefold().split())  # noqa: E731
    return norm(found) == norm(expected)


def own_addresses(split: str) -> frozenset[str]:
    """The candidate addresses a split's mail is written to or from."""
    text = b"".join(path.read_bytes() for path in (CORPUS / split).glob("*.eml")).lower()
    return frozenset(a for a in OWN if a.encode() in text)


def evaluate(split: str) -> Score:
    folder = CORPUS / split
    score = Score()
    own = own_addresses(split)
    for line in (folder / "labels.jsonl").read_text().splitlines():
        label = json.loads(line)
        email = parse_email((folder / label["file"]).read_bytes())
        verdict = detect(email, own)
        expected = label["is_rejection"]
        if verdict.is_rejection and expected:
            score.tp += 1
        elif verdict.is_rejection:
            score.fp += 1
            score.errors.append(f"FP {label['file']} {verdict.score} {verdict.evidence[:3]}")
        elif expected:
            score.fn += 1
            score.errors.append(f"FN {label['file']} {verdict.score} {verdict.evidence[:3]}")
        else:
            score.tn += 1
        if expected:
            facts = extract(email, own)
            for name in FIELDS:
                if same(getattr(facts, name), label[name]):
                    score.right[name] += 1
                else:
                    score.errors.append(
                        f"   {name} {label['file']}: got {getattr(facts, name)!r}"
                        f" want {label[name]!r}"
                    )
    return score


def report(split: str, score: Score) -> str:
    positives = score.tp + score.fn
    fields = "  ".join(f"{name} {score.right[name] / positives:.2f}" for name in FIELDS)
    return (
        f"{split:8} n={score.tp + score.fp + score.fn + score.tn:4}  "
        f"precision {score.precision:.3f}  recall {score.recall:.3f}  |  on rejections: "
        f"{fields}"
    )


def main() -> None:
    held_out = Score()
    for split in splits():
        score = evaluate(split)
        print(report(split, score))
        if split.startswith("tune") and "--errors" in sys.argv:
            print("\n".join(score.errors))
        if split.startswith("heldout"):
            held_out.tp, held_out.fp = held_out.tp + score.tp, held_out.fp + score.fp
            held_out.fn, held_out.tn = held_out.fn + score.fn, held_out.tn + score.tn
            for name in FIELDS:
                held_out.right[name] += score.right[name]
    print(report("held-out", held_out) + "  (all held-out splits together)")


if __name__ == "__main__":
    main()
