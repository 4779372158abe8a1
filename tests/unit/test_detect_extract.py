"""Detection and extraction on the small mailbox fixtures (the corpus is measured by make eval)."""

from __future__ import annotations

import pytest
from nextlead.detect import detect
from nextlead.extract import extract, is_no_reply
from nextlead.mail.parse import parse_email

from tests.conftest import mailbox_fixture

EXPECTED = {
    "01_rejection_personal.eml": (
        True,
        "LumenForge",
        "Priya",
        "priya.natarajan@lumenforge.example",
    ),
    "02_rejection_ats_replyto.eml": (
        True,
        "Corvid Analytics",
        "Marcus",
        "marcus.webb@corvid-analytics.example",
    ),
    "03_rejection_noreply.eml": (True, "Halvard Systems", None, None),
    "04_interview_invite.eml": (False, "BrightPath", "Elena", "elena@brightpath.example"),
    "05_newsletter.eml": (False, None, None, None),
    "06_rejection_german.eml": (True, "Taktwerk", "Jürgen", "juergen.weiss@taktwerk.example"),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_verdict_and_facts(name):
    is_rejection, company, first_name, reply_to = EXPECTED[name]
    email = parse_email(mailbox_fixture(name))
    verdict = detect(email)
    assert verdict.is_rejection is is_rejection
    if not is_rejection:
        return
    assert verdict.evidence, "a rejection must say why"
    facts = extract(email)
    assert facts.company and facts.company.startswith(company)
    assert facts.contact_first_name == first_name
    assert facts.reply_to == reply_to


def test_sure_rejections_are_sure():
    email = parse_email(mailbox_fixture("01_rejection_personal.eml"))
    assert detect(email).tier == "sure"


def test_own_mail_is_never_a_rejection():
    email = parse_email(mailbox_fixture("01_rejection_personal.eml"))
    verdict = detect(email, frozenset({"priya.natarajan@lumenforge.example"}))
    assert not verdict.is_rejection and verdict.evidence == ("sent by you",)


def test_a_quoted_rejection_in_a_reply_is_not_a_new_rejection():
    raw = (
        b"From: Jordan Rivera <jordan.rivera@example.net>\r\nTo: hr@acme.example\r\n"
        b"Subject: Re: Your application\r\n\r\nThanks for letting me know!\r\n\r\n"
        b"On Mon, 2 Nov 2026 at 10:00, HR <hr@acme.example> wrote:\r\n"
        b"> Unfortunately we have decided to move forward with other candidates.\r\n"
    )
    assert not detect(parse_email(raw)).is_rejection


def test_language():
    assert extract(parse_email(mailbox_fixture("06_rejection_german.eml"))).language == "de"
    assert extract(parse_email(mailbox_fixture("01_rejection_personal.eml"))).language == "en"


def test_spanish_full_of_words_dutch_and_french_share_is_spanish():
    """ "de", "en" and "la" are Dutch and French too: a reply in Dutch would be absurd here."""
    from nextlead.language import guess_language

    text = (
        "Reciba un cordial saludo de Talento Andino. Le agradecemos haber participado en el"
        " proceso de Analista de Marketing. El cliente revisó los informes de los finalistas y su"
        " perfil no se ajusta en este momento. La tendremos en cuenta; de hecho, abriremos dos"
        " procesos de marketing en el segundo trimestre."
    )
    assert guess_language(text) == "es"


@pytest.mark.parametrize(
    "address,expected",
    [
        ("no-reply@us.greenhouse-mail.io", True),
        ("noreply@acme.example", True),
        ("donotreply@halvard.example", True),
        ("acme@myworkday.com", True),
        ("notifications@acme.example", True),
        ("notificaciones@lapradera.buk-mail.example", True),
        ("rgpd@laiterie.example", True),  # a data-protection mailbox: nobody to ask
        ("dpo@editions.example", True),
        ("protecciondedatos@seguros.example", True),
        ("sarah.chen@northwind.example", False),
        ("talent@northwind.example", False),
        (None, True),
    ],
)
def test_no_reply_addresses(address, expected):
    assert is_no_reply(address) is expected


def _short(body: str) -> bool:
    raw = (
        f"From: Ann Bell <ann@acme.example>\r\nSubject: Your application\r\n"
        f"Message-ID: <{abs(hash(body))}@acme.example>\r\n\r\n{body}\r\n"
    ).encode()
    return detect(parse_email(raw)).is_rejection


@pytest.mark.parametrize(
    "body",
    [
        "Hi Jordan, unfortunately we decided to move forward with other candidates for the role.",
        "Thanks for applying. We won't be moving forward with your application. Good luck!",
        "Dear Jordan, the position has been filled. Regards, HR",
        "Hi Jordan, we went with someone else for the analyst role. Sorry! Ann",
        "Hi Jordan, we've filled the SRE position. Thanks for your time. Ann",
        "The role has been formally closed, so I'm closing out your application. Ann",
        "Hi Jordan, just to let you know the position's been filled now. Thanks, Ann",
        "Jordan - we're going in a different direction on this one. Ann",
        "Leider müssen wir Ihnen mitteilen, dass wir Ihnen die Position nicht anbieten können.",
        "Hi Jordan - we're not going to take this further, sorry. Thanks for applying. Ann",
        "Thanks for applying to the role. Unfortunately we won't be moving forward at this time.",
        "We have offered the Head of Languages post to a candidate who knows the system. Ann",
        "Hola Mateo!! al final nos vamos con otro perfil para lo del almacén. Un abrazo, Javier",
        "Hallo Herr Ruiz, leider wird unser Mandant Sie nicht zum Zweitgespräch für die Position"
        " Einkaufsleiter einladen. Ich bedaure das sehr. Beste Grüße, Tobias",
        "Nous l'avons relu avec Laure. Nous ne donnerons donc pas suite. Bonne continuation,",
        "Ze zijn uiteindelijk voor een interne kandidaat gegaan. Sorry dat het zo lang duurde.",
        "Uiteindelijk kiezen we voor een kandidaat die de scholengroep van binnenuit kent.",
        "Wir werden den Prozess daher mit einer anderen Kandidatin fortsetzen.",
        "We have now shortlisted and regret that your application has not been taken forward on"
        " this occasion.",
        "Unfortunately your application for Insight Analyst was not successful.",
        "Lo de Tenerife esta vez no ha salido. El hotel se ha ido con alguien que ya estaba en la"
        " isla.",
        "Al final no va a poder ser, nos hemos decidido por otra chica que vive aquí al lado.",
        "Vamos a continuar con candidatos cuya experiencia encaja mejor con lo que necesitamos.",
        "We've had a chat as a team and I'm afraid this one didn't work out.",
        "Le client est allé dans une autre direction : ils ont choisi un candidat qui connaissait"
        " déjà le conseil.",
        "Ik had je eerder moeten laten weten dat de functie inmiddels vergeven is.",
        "We hebben een keuze gemaakt en die is niet op jou gevallen.",
        "We hebben iemand anders gevonden voor de invalvacature in groep 4.",
        "Te informamos de que tu candidatura para la oferta de Ingeniero de Redes ha sido"
        " descartada.",
        "Al final no salió lo de Valencia, el cliente se lo ha dado a alguien de dentro.",
        "Leider muss ich Ihnen mitteilen, dass das Besetzungsverfahren für die Stelle ausgesetzt"
        " wird: Der Träger hat eine Haushaltssperre verhängt.",
    ],
)
def test_short_plain_rejections_are_recognised(body):
    assert _short(body)


@pytest.mark.parametrize(
    "body",
    [
        "Thanks for applying! We'll be in touch soon.",
        "Can you do a call Tuesday at 3pm about the role?",
        "Unfortunately I need to move our interview to Thursday. Does 2pm work?",
        "We received your application for the role. If you are not selected for this position,"
        " we will keep your information on file.",
        "Wir haben Ihre Bewerbung erhalten. Sollten Sie nicht berücksichtigt werden, melden wir"
        " uns.",
        "Moin, bei mir: heute die Absage von Wendt Logistik bekommen. Wie läuft's bei dir?",
        "This is to confirm that you've withdrawn your application for the Operations Manager role."
        " We won't consider you further for this position unless you apply again.",
        "Je ne peux malheureusement pas te coopter pour le poste, mais postule directement. Julien",
        "Zeg, ik kreeg vandaag alweer een afwijzing, nu voor die functie als teamleider in"
        " Deventer. Zin om zaterdag een biertje te doen?",
        "Vul de vragenlijst in. Zonder deze gegevens kunnen we je sollicitatie helaas niet verder"
        " in behandeling nemen.",
        "Je solliciteerde eerder op de rol van controller. Die ging toen helaas niet door. We"
        " openen nu een nieuwe rol in Utrecht; heb je zin om erover te bellen?",
        "Dank voor de hospiteeravond! Helaas hebben we voor iemand anders gekozen als nieuwe"
        " huisgenoot.",
        "Heard back from Harbour Freight today - they've decided not to proceed with me for the"
        " planner job. After three interviews! Fancy a call this weekend?",
        "Back in March the client went with another candidate for the Data Engineer role, but"
        " that hire fell through. Are you still interested in the role?",
        "Heard back from the council job: no joy, unfortunately they went with someone internal."
        " How are your applications going?",
        'Nieuwe blog: "Helaas, je bent niet weerhouden" - en nu? Je kreeg die mail: "Jammer'
        ' genoeg hebben we gekozen voor een andere kandidaat." Wat doe je ermee? Lees de blog.',
        "Nee, helaas, ik heb die baan op de basisschool niet gekregen. Hoe ging jouw gesprek?",
        "Die Uniklinik in Essen hat mir abgesagt. Wie sieht es bei dir aus, schon was gehört?",
        "Na de vorige keer, toen het helaas niet de juiste match bleek, heb ik nu een rol die beter"
        " bij je past. Heb je deze week tijd voor een telefoontje?",
        "In unserem neuen Blogbeitrag zeigen wir, was hinter typischen Absagen steckt: „Wir haben"
        " uns für eine andere Bewerberin entschieden“ ist nur der Anfang. Zum Artikel: https://pk.example",
    ],
)
def test_short_messages_that_are_not_rejections(body):
    assert not _short(body)


def test_a_rejection_no_rule_foresaw_is_caught_by_the_word_model_and_says_why():
    from tests.conftest import FIXTURES

    raw = (FIXTURES / "corpus" / "tune3" / "tune3_104.eml").read_bytes()
    verdict = detect(parse_email(raw))
    assert verdict.is_rejection
    assert verdict.evidence and verdict.evidence[0].startswith("reads like a rejection: ")


def test_mail_about_no_job_is_judged_without_extraction():
    """A friend's note has no company to find; an interview invitation keeps its facts, for
    the user may still call it a rejection and the ask then needs them."""
    from nextlead.judge import judge

    friend = (
        b"From: Sam Lee <sam@mailhub.example>\r\nSubject: Saturday\r\n"
        b"Message-ID: <sat@mailhub.example>\r\n\r\nDinner at ours on Saturday? Bring the dog.\r\n"
        b"\r\nSam Lee\r\nRiverside Bakery\r\n"
    )
    judged = judge(friend, frozenset())
    assert not judged.verdict.about_a_job
    assert judged.facts.company is None and judged.facts.reply_to == "sam@mailhub.example"
    invite = judge(mailbox_fixture("04_interview_invite.eml"), frozenset())
    assert invite.verdict.tier == "no" and invite.verdict.about_a_job
    assert invite.facts.company == "BrightPath"


@pytest.mark.parametrize(
    ("subject", "role"),
    [
        ("Re: Following up - Senior Product Analyst", "Senior Product Analyst"),
        ("Data Engineer – next steps", "Data Engineer"),
        ("Terugkoppeling Backend Developer", "Backend Developer"),
        ("Commercial Analyst post", "Commercial Analyst"),
        ("Lead - Data Engineering", None),  # a word alone is too often something else
        ("Our weekly update", None),
        # in other languages, compounds, and heads and tails around the role
        ("Ihre Bewerbung: Lohnbuchhalter (m/w/d)", "Lohnbuchhalter"),
        (
            "AW: Nachfrage Bewerbung Assistant Front Office Manager",
            "Assistant Front Office Manager",
        ),
        ("Vacature trajectbegeleider", "trajectbegeleider"),
        ("Uw sollicitatie leerkracht bovenbouw", "leerkracht bovenbouw"),
        (
            "Votre candidature – Technicien de maintenance industrielle",
            "Technicien de maintenance industrielle",
        ),
        ("Tu postulación – Analista de Marketplace", "Analista de Marketplace"),
        ("Proceso UX Researcher - Huarango Labs", "UX Researcher"),
        (
            "REQ-48213 Regulatory Reporting Analyst - application outcome",
            "Regulatory Reporting Analyst",
        ),
        ("Concours CSSTP-P-2025-014 – Ergothérapeute", "Ergothérapeute"),
        ("Finance Manager @ Pivot Agro", "Finance Manager"),
        ("Terugkoppeling gesprekken Projectmanager Spoor", "Projectmanager Spoor"),
        ("Your application via Stanhope Executive", None),  # the agency, not a role
        ("Tu postulación a Pudú Labs", None),
        ("Leider keine guten Nachrichten", None),
        ('Resultado de tu postulación al cargo "Psicólogo Laboral"', "Psicólogo Laboral"),
    ],
)
def test_a_role_named_only_in_the_subject_is_found(subject, role):
    raw = (
        f"From: Ann Bell <ann@acme.example>\r\nSubject: {subject}\r\n\r\n"
        "Hi Jordan, thanks for your time. We have decided not to move forward.\r\n"
    ).encode()
    assert extract(parse_email(raw)).role == role


@pytest.mark.parametrize(
    ("sender", "signature", "company"),
    [
        ("Ben Okoro <ben@quarrylabs.example>", "Ben", "Quarry Labs"),
        (
            "Ingrid Solberg <ingrid@nordlys.example>",
            "Ingrid Solberg\nCTO\nNordlys Energy UK",
            "Nordlys Energy",
        ),
        (
            "Ulrike Brenner <u.brenner@brenner-partner.example>",
            "Ulrike Brenner\nGeschäftsführende Partnerin\nBrenner & Partner",
            "Brenner & Partner",
        ),
        (
            "Ann Bell <ann.bell@thewrenhotel.example>",
            "Ann Bell\nGeneral Manager\nThe Wren Hotel",
            "The Wren Hotel",
        ),
        (
            "Dana Reyes <dana@copperline-eng.example>",
            "Dana Reyes\nCopperline Engineering\nDenver, CO",
            "Copperline Engineering",
        ),
        ("Northwind Recruiting Team <jobs@northwind.example>", "The Northwind Team", "Northwind"),
        (  # the domain spells "&" as "and"
            "Tom Fairley <tom@emberandoak.example>",
            "Tom\nEmber & Oak, Borough\nSent from my iPhone",
            "Ember & Oak",
        ),
        (  # ... and leaves out the apostrophe
            "Rob Hadley <rob@hadleysfresh.example>",
            "Rob Hadley\nHadley's Fresh Produce\nUnit 4, Western International Market",
            "Hadley's Fresh Produce",
        ),
        (  # the name follows a title on the same line
            "Esther Mol <e.mol@kindcentrumdeboomgaard.example>",
            "Esther Mol\nDirecteur Kindcentrum De Boomgaard",
            "Kindcentrum De Boomgaard",
        ),
        (  # an agency's name ends in "Recruitment": its consultant says so
            "Jo Pike <jo.pike@bluegumhealth.example>",
            "Jo Pike\nConsultant | Bluegum Health Recruitment",
            "Bluegum Health Recruitment",
        ),
        (  # the phone's line under a signature is no company
            "Sophie van der Linden <s.vanderlinden@veenhuis.example>",
            "Groet, Sophie\nVerzonden vanaf Outlook voor Android",
            "Veenhuis",
        ),
        (  # the HR team before the company's name
            "Noemi Rey <noemi.rey@valcorre.example>",
            "Noemi Rey\nHR Valcorre Pharma, Schaffhausen",
            "Valcorre Pharma",
        ),
        (  # an employer's recruitment team does not
            "Northmere Bank Recruitment <careers@nmb-group.example>",
            "Northmere Bank Recruitment",
            "Northmere Bank",
        ),
    ],
)
def test_company_as_a_person_would_write_it(sender, signature, company):
    raw = (
        f"From: {sender}\r\nSubject: SRE\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        f"Hi Jordan, we've filled the SRE position. Thanks for your time.\r\n\r\n"
        f"Best,\r\n{signature}\r\n"
    ).encode()
    assert extract(parse_email(raw)).company == company


def _signed(signature: str, sender: str = "Matthew Hargreaves <matthew@kingsbridgebs.example>"):
    raw = (
        f"From: {sender}\r\nSubject: Customer Insight Manager\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        "Hi Jordan,\r\n\r\nWe won't be moving you forward for the Customer Insight Manager role."
        f"\r\n\r\n{signature}\r\n"
    ).encode()
    return extract(parse_email(raw), frozenset({"jordan.rivera@example.net"}))


def test_a_two_word_sign_off_is_not_taken_for_a_name():
    facts = _signed(
        "Best wishes,\r\nMatthew\r\n\r\nMatthew Hargreaves\r\nSenior Talent Partner\r\n"
        "Kingsbridge Building Society\r\nT: 0113 496 0721\r\n" + "_" * 32
    )
    assert facts.contact_name == "Matthew Hargreaves"
    assert facts.company == "Kingsbridge Building Society"


def test_a_phone_footer_is_not_a_company():
    facts = _signed(
        "Cheers\r\nOwen\r\n\r\nSent from my iPhone", "Owen <owen@quaysidetravel.example>"
    )
    assert facts.company == "Quayside Travel"


def test_the_users_own_name_is_never_the_contact():
    facts = _signed("Best,\r\nJordan Rivera", "Talent <talent@lumio.example>")
    assert facts.contact_name is None


def test_a_short_form_in_the_text_does_not_cut_the_full_name_short():
    raw = (
        b"From: Pinecrest Credit Union <noreply@bamboohr.com>\r\n"
        b"Reply-To: careers@pinecrestcu.example\r\nSubject: Member Experience "
        b"Designer at Pinecrest Credit Union\r\nContent-Type: text/plain\r\n\r\nHi Jordan,\r\n\r\n"
        b"Thank you for applying for the Member Experience Designer position at Pinecrest Credit "
        b"Union. The position has been filled.\r\n\r\nWe appreciate your interest in Pinecrest "
        b"and hope you will consider us again.\r\n\r\nPinecrest Credit Union\r\nHiring Team\r\n"
    )
    assert extract(parse_email(raw)).company == "Pinecrest Credit Union"


@pytest.mark.parametrize(
    ("sender", "signature"),
    [
        (
            "Stadt Hohenbrück - Personalamt <personalamt@hohenbrueck.example>",
            "Mit freundlichen Grüßen\r\nIm Auftrag\r\n\r\nPetra Schönleber\r\n\r\nStadt Hohenbrück",
        ),
        (  # the office's name, which its address spells, ends the signature in part
            "AOK Nordheide Personalservice <personalservice@aok-nordheide.example>",
            "Mit freundlichen Grüßen\r\nIm Auftrag\r\n\r\nPetra Wolters\r\nPersonalservice\r\n"
            "AOK Nordheide",
        ),
    ],
)
def test_a_name_signed_on_behalf_of_the_office_is_the_contact(sender, signature):
    assert _signed(signature, sender).contact_first_name == "Petra"


def test_an_award_not_won_is_not_a_job_rejection():
    raw = (
        b"From: National Teaching Awards <awards@teachingawards.example>\r\n"
        b"Subject: Your nomination: Teacher of the Year\r\n\r\nDear Jordan,\r\n\r\nYou were "
        b"nominated by a colleague for Teacher of the Year. The judging panel has reviewed over "
        b"4,000 nominations. We're sorry to let you know that you have not been shortlisted as a "
        b"regional finalist this year.\r\n\r\nThe National Teaching Awards team\r\n"
    )
    assert not detect(parse_email(raw)).is_rejection


def test_a_cooking_competition_not_won_is_not_a_job_rejection():
    raw = (
        "From: Trophée des Jeunes Chefs <contact@trophee-jeuneschefs.example>\r\n"
        "Subject: Trophée des Jeunes Chefs 2025 – résultats de la présélection\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\nMadame, Monsieur,\r\n\r\nLe jury de"
        " présélection s'est réuni pour examiner les 86 dossiers de candidature reçus cette année."
        "\r\n\r\nNous sommes au regret de vous informer que votre candidature n'a pas été"
        " sélectionnée pour la finale régionale du 14 juin.\r\n\r\nLe comité d'organisation\r\n"
    ).encode()
    assert not detect(parse_email(raw)).is_rejection


# A recruiter's note as it arrives: a subject, a thank-you for the interest, one sentence that
# decides, a signature. Each language's frame is the same; only the deciding sentence changes.
_FRAMES = {
    "en": (
        "Your application - Events Manager",
        "Dear Aylin,\n\nThank you for your interest in the Events Manager role at Hotel Seeblick.",
        "Kind regards,\nAnn Bell\nHR Manager",
    ),
    "de": (
        "Ihre Bewerbung als Eventmanagerin",
        "Sehr geehrte Frau Demir,\n\nvielen Dank für Ihr Interesse an der Stelle als "
        "Eventmanagerin im Hotel Seeblick.",
        "Mit freundlichen Grüßen\nAnna Bell\nPersonalabteilung",
    ),
    "fr": (
        "Votre candidature - Responsable événementiel",
        "Madame,\n\nNous vous remercions de l'intérêt que vous portez à l'Hôtel Seeblick.",
        "Cordialement,\nAnne Bell\nRessources humaines",
    ),
    "es": (
        "Tu candidatura - Responsable de eventos",
        "Hola Aylin:\n\nGracias por tu interés en la oferta de Responsable de eventos del Hotel "
        "Seeblick.",
        "Un saludo,\nAna Bell\nRecursos Humanos",
    ),
    "nl": (
        "Je sollicitatie - Eventmanager",
        "Beste Aylin,\n\nBedankt voor je interesse in de functie van Eventmanager bij Hotel "
        "Seeblick.",
        "Met vriendelijke groet,\nAnne Bell\nHR",
    ),
}


def _framed(language: str, sentence: str) -> bool:
    subject, opening, closing = _FRAMES[language]
    raw = (
        f"From: Ann Bell <ann@seeblick.example>\r\nSubject: {subject}\r\n"
        "Content-Type: text/plain; charset=utf-8\r\nMessage-ID: <1@seeblick.example>\r\n\r\n"
        f"{opening}\n\n{sentence}\n\n{closing}\n"
    ).encode()
    return detect(parse_email(raw)).is_rejection


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "After some thought we've decided against moving forward with your application."),
        ("en", "Sadly you didn't make it through to the next round this time."),
        ("en", "Just a quick note to say we've appointed to the Events Manager post now."),
        ("en", "Sorry Aylin, they've gone for someone local."),
        ("en", "We've decided to promote from within for the Operations Lead position."),
        ("en", "Your experience does not match what we are looking for in this role."),
        ("en", "We will not be offering you a second interview for the F&B Manager role."),
        ("de", "Leider können wir Ihnen keine Zusage für die Stelle geben."),
        ("de", "Nach sorgfältiger Prüfung haben wir uns gegen Ihre Bewerbung entschieden."),
        ("de", "Wir haben uns entschieden, einer anderen Bewerberin den Vorzug zu geben."),
        ("de", "Wir möchten Ihnen mitteilen, dass die Wahl nicht auf Sie gefallen ist."),
        ("de", "Wir müssen Ihnen leider eine negative Rückmeldung geben."),
        ("fr", "Nous sommes au regret de vous annoncer une réponse négative."),
        ("fr", "Votre candidature n'a pas abouti cette fois-ci."),
        ("fr", "J'ai beaucoup hésité. Je ne pourrai donc pas vous proposer le poste cette saison."),
        ("fr", "Nous avons décidé de privilégier des profils plus expérimentés."),
        ("fr", "Après étude de votre dossier, nous ne pouvons pas y donner une suite favorable."),
        ("es", "Tu perfil no se ajusta a lo que buscamos en este momento."),
        ("es", "No podemos ofrecerte el puesto de jefa de recepción."),
        ("es", "Hemos elegido a una candidata con más experiencia en banquetes."),
        ("es", "Lamentablemente, en esta ocasión no podremos contar contigo."),
        ("nl", "We kunnen je helaas geen aanbod doen."),
        ("nl", "We hebben een kandidaat gevonden die beter aansluit bij het profiel."),
        ("nl", "De keuze is niet op jou gevallen."),
        ("nl", "We gaan niet met je verder in de procedure."),
        ("en", "Thanks for your patience. We won’t be moving you on to the final round."),
        ("en", "We've decided to move forward with a few people whose experience is closer."),
        ("de", "Wegen der Betriebsleitung haben wir uns für wen anderen entschieden."),
        ("de", "Wir werden die Stelle intern mit einem Kollegen aus der Netzplanung besetzen."),
        (
            "fr",
            "Nous sommes dans l'impossibilité de donner une suite favorable à votre candidature.",
        ),
        ("nl", "Kort samengevat: we gaan het niet met je doen voor deze rol."),
        (
            "nl",
            "Het MT heeft besloten, dus we vullen de functie intern in. Het is intern ingevuld.",
        ),
        ("nl", "Op dit moment hebben wij geen passende functie voor u beschikbaar."),
        ("nl", "De selectieprocedure is afgerond en we hebben een geschikte kandidaat gevonden."),
        ("de", "Deshalb werden wir Sie nicht zu einem weiteren Gespräch einladen."),
        ("en", "With regret, we have had to withdraw the offer we made to you in March."),
        (
            "es",
            "Hemos ofrecido el puesto a una persona cuyo perfil está más cerca de los cruceros.",
        ),
        ("en", "We're after giving the job to a lad who's been guiding for us three summers."),
        ("nl", "We denken dat het nu niet de juiste match is. Laten we contact houden."),
        (
            "es",
            "Te cuento que el comité optó por otro postulante para el cargo de Jefe de Proyectos.",
        ),
        ("es", "Después de darle vueltas, no ha sido posible encajar tu perfil en la posición."),
        ("es", "La plaza de técnica de compras ya la hemos cubierto hace un par de semanas."),
        ("es", "El cliente ha cerrado la posición de Jefe de Turno con otro candidato."),
        ("es", "Al final no seguimos contigo para lo de jefa de turno de noche."),
        ("nl", "De opdrachtgever heeft gekozen voor een andere interim-professional."),
        ("nl", "Ik heb je cv met de CFO bekeken en je valt helaas af voor de eerste ronde."),
        ("nl", "We kiezen voor Joris, die al een jaar bij ons als freelancer werkt."),
        ("nl", "Het bestuur heeft beslist de rol in te vullen met iemand uit eigen rangen."),
        ("nl", "We hebben besloten het traject niet met jou voort te zetten."),
        ("de", "Ich wollte Sie nicht warten lassen: Wir gehen mit der anderen Kandidatin weiter."),
        ("de", "Wir haben uns am Ende für Carla entschieden, die schon zwei Praxen aufgebaut hat."),
        ("de", "Leider können wir Ihnen für diese Position keine Zusage geben."),
        ("nl", "Op dit moment is er helaas geen plek voor je in het team."),
        ("es", "El cliente ha definido su terna final y su candidatura no quedó incluida."),
        (
            "es",
            "Te aviso que el cliente se inclinó por un candidato con más experiencia en minería.",
        ),
        ("es", "Tomamos la decisión de quedarnos con el otro finalista. Fue muy parejo."),
        (
            "fr",
            "Le conseil d'administration a décidé un gel des recrutements ; nous clôturons donc"
            " la procédure en cours.",
        ),
        ("fr", "La mission chez notre client a été attribuée à une autre intérimaire."),
        ("fr", "Nous avons néanmoins fait le choix d'un candidat qui a déjà encadré une équipe."),
        ("fr", "Nous avons préféré miser sur un profil plus orienté transport international."),
        ("fr", "Après réflexion, on ne va pas vous proposer de deuxième entretien."),
        ("fr", "Je sors d'un point avec notre client : ils ne vont pas plus loin avec vous."),
        ("fr", "Après échange avec notre DSI, nous ne la retiendrons pas."),
        ("fr", "Malheureusement, ils ne souhaitent pas poursuivre avec votre candidature."),
        (
            "fr",
            "Nous désirons vous informer que votre candidature n'a pas été retenue dans le cadre"
            " du concours 25-0142.",
        ),
        ("de", "Das wird auf Dauer für beide Seiten nix, und deshalb lassen wir's mit der Stelle."),
        ("de", "Wir haben uns daher entschieden, Ihnen kein Angebot zu machen."),
        ("de", "Wir haben uns für einen Mitbewerber entschieden, der die Partien schon kennt."),
        (
            "de",
            "Leider hat sich unser Mandant gegen eine Weiterführung Ihrer Kandidatur entschieden.",
        ),
        (
            "de",
            "Wir nehmen für die Bauleitung jetzt doch den Kollegen aus der Firma. Tut mir leid.",
        ),
        ("de", "Ehrlich gesagt passt es nicht: die Stelle besetzen wir deshalb vorerst nicht."),
        ("en", "hi, thanks for applying. position is gone, sorry!! good luck w/ the search"),
        (
            "de",
            "Es waren viele gute Bewerbungen dabei. Am Ende ist unsere Wahl auf eine Person"
            " gefallen, die schon mehrere Jahre Events in dieser Größe geleitet hat.",
        ),
        ("de", "Die Entscheidung ist knapp zugunsten eines anderen Bewerbers ausgefallen."),
        ("nl", "Na lang wikken en wegen is de keuze gevallen op een andere kandidaat."),
        ("fr", "Je suis désolée, la décision ne va pas dans votre sens."),
        ("es", "En esta ocasión no vamos a poder contar contigo para el puesto."),
        ("es", "La elección ha recaído en otra candidata con más experiencia en eventos."),
        ("es", "Tu candidatura no ha pasado a la fase de entrevistas, aunque tu perfil nos gustó."),
        ("es", "Después de revisarlo, el cliente no te ha incluido en la lista de entrevistas."),
        ("es", "El equipo ha preferido a otro finalista, así que cerramos aquí tu participación."),
        ("es", "al final nos quedamos con una chica q ya conocia la casa, esta vez no puede ser"),
        ("es", "Lamentablemente, no hemos podido ofrecerte el puesto de recepcionista."),
        ("es", "Te reenvío lo que me ha contestado el cliente: no siguen contigo."),
        ("nl", "We nemen je daarom niet mee in de voordracht bij de opdrachtgever."),
        ("es", "Lamentamos informarle que usted no resultó seleccionada para la plaza."),
        (
            "es",
            "La dirección decidió promover a alguien interno; el proceso concluye sin contratación.",
        ),
        ("es", "Me dijo el director que ya eligieron a alguien para lo de Jefa de Eventos."),
        ("es", "En el hotel decidimos otro perfil, así que tu candidatura no va a continuar."),
        ("es", "Creemos que te aburrirías, así que preferimos no seguir adelante contigo."),
        (
            "en",
            "thx for coming in over zoom. we're gonna go w/ someone local for the spot. sorry!!",
        ),
        ("de", "Unser Kunde hat mitgeteilt, dass er Sie nicht zum Gespräch einladen wird."),
        ("de", "Wir glauben, dass es mit dir und uns aktuell leider nicht zusammenpasst."),
        (
            "de",
            "Nach Auswertung haben Sie bedauerlicherweise nicht zu dem Kreis der Bewerberinnen"
            " gehört, die zu einem Auswahlgespräch eingeladen wurden.",
        ),
        (
            "de",
            "Die Geschäftsführung hat beschlossen, die Position in diesem Jahr nicht zu besetzen."
            " Das Verfahren ist damit für alle Bewerberinnen und Bewerber beendet.",
        ),
        ("nl", "Noor, sorry, het is de andere finalist geworden. Echt op het randje."),
        ("nl", "Toch hebben we besloten om de vacature niet aan jou te gunnen."),
        ("nl", "We hebben besloten om het niet met je aan te gaan voor deze plek."),
        (
            "nl",
            "Tot onze spijt moeten wij u meedelen dat u niet in aanmerking komt voor de functie.",
        ),
        ("nl", "Het team koos unaniem voor de andere finalist, vanwege haar ervaring."),
        ("en", "We've met all four now, and we won't be proceeding with Aylin for the role."),
        # said in passing: someone already found, nobody more taken on, someone else or an
        # internal candidate, not wanting to meet
        ("en", "Thanks for getting in touch, but we've already found someone for the job."),
        ("en", "We're a team of four and can't take on anyone else this year, sorry."),
        ("en", "Another applicant has been recommended for appointment to the post."),
        ("en", "We received over 200 applications and have not selected you for interview."),
        ("en", "I'm sorry it isn't better news after two interviews."),
        ("nl", "We hebben ondertussen al iemand gevonden voor de vacature, sorry."),
        ("nl", "Ik kan momenteel niemand extra aannemen, het budget laat het niet toe."),
        ("nl", "Voor de opdracht in juni ga ik met Lotte verder, zij kent het project al."),
        ("fr", "On a décidé d'aller avec quelqu'un d'autre pour le poste de testeuse."),
        ("fr", "La direction a choisi de privilégier une candidature interne pour ce poste."),
        ("fr", "Le client a lu votre dossier mais ne souhaite pas vous rencontrer."),
        ("fr", "Retour client negatif pour le poste de juriste, dsl."),
        ("de", "Wir haben intern gesprochen und werden Sie nicht einladen."),
        ("de", "Für die Stelle als Laborantin haben wir eine andere Bewerberin ausgewählt."),
        ("de", "Der Kunde in Zug hat leider abgesagt, sie nehmen jemand mit mehr Erfahrung."),
        ("es", "Ya hemos encontrado a alguien para la vacante de recepción."),
        ("fr", "Le jury a donc décidé de ne pas vous convier à l'entretien final."),
        ("fr", "Nous avons fait une proposition à une autre personne, qui l'a acceptée."),
        ("fr", "Nous allons sous-traiter ce travail, donc pas d'embauche prévue pour le moment."),
        ("nl", "De manager kiest voor een kandidaat met meer ervaring in tariefcalculaties."),
        ("de", "Von unserer Seite möchten wir den Prozess daher an dieser Stelle beenden."),
        ("de", "Wir können Ihnen daher keinen Platz im Traineeprogramm anbieten."),
        ("de", "Der Endkunde hat sich für einen anderen Freelancer entschieden."),
        ("es", "Lo pensamos bastante y no te vamos a poder ofrecer el puesto."),
        ("es", "Le informo q ya se escogio a la persona para el cargo de asistente."),
        ("es", "En esta oportunidad no has sido considerada para continuar a la siguiente fase."),
        (
            "es",
            "Te escribo para informarte que esta vez no quedaste seleccionada para la entrevista.",
        ),
        ("es", "Kiosko Digital revisó tu postulación y decidió no avanzar con tu perfil."),
        (
            "en",
            "Post: Policy Officer\nReference: SDC0291\nStage: Shortlisting\nOutcome: Unsuccessful",
        ),
        # a hospital's and a staffing agency's ways of saying no
        ("en", "The manager decided to offer it to a nurse who has CVICU experience."),
        ("en", "We've decided to go with a nurse who has a pediatric background for the role."),
        ("en", "Hi Keisha - the facility passed on your profile for the Fresno Med/Surg job."),
        ("en", "I finally heard back and they declined your profile for the L&D contract."),
        ("en", "Your submission for the job below has been declined by the facility."),
        ("en", "I've thought it over and I don't think we're the right fit for each other."),
        ("en", "At this time we are not able to move forward with onboarding you."),
        ("en", "We're not able to offer you the transfer at this time."),
        ("en", "Unfortunately we're not able to offer you a spot in our per diem pool."),
        (
            "en",
            "I've decided not to move forward with your application for the Admissions RN role.",
        ),
        ("fr", "Le poste est comblé. Merci de votre intérêt."),
        (
            "es",
            "Tras la evaluación, el comité ha seleccionado a otro postulante cuyo perfil se ajusta más.",
        ),
        ("es", "Le informamos que usted no ha resultado ganadora de la convocatoria."),
        ("fr", "On a fait le point : on ne va pas pouvoir aller plus loin avec toi sur le poste."),
        (
            "en",
            "I've spoken to the store team and we've agreed to offer it to the pharmacist who's"
            " been relief there since June.",
        ),
        (
            "de",
            "Die Entscheidung für eine Kollegin mit langjähriger Erfahrung ist uns nicht leicht gefallen.",
        ),
        ("es", "Estado de tu candidatura: Descartada. La empresa ha descartado tu candidatura."),
        ("es", "Ha sido calificado/a como NO APTO/A y queda eliminado/a del proceso selectivo."),
        (
            "es",
            "Preferimos ser transparentes contigo y no hacerte perder más tiempo con este proceso.",
        ),
        (
            "en",
            "I wanted to let you know that we won't be able to offer you the Senior Policy"
            " Adviser, Heat Networks role.",
        ),
        ("en", "Post: Housing Officer. Your application for the above post has been unsuccessful."),
        ("en", "Fiona – not successful this time I'm afraid. Sorry. Happy to give feedback."),
        (
            "en",
            "As we haven't received OET results that meet the requirement, I'm afraid your"
            " conditional offer has been withdrawn.",
        ),
        (
            "de",
            "Die Stelle der Projektkoordination für unsere Ehrenamtsbörse (Teilzeit, EG 9b TVöD)"
            " ist seit gestern vergeben.",
        ),
        (
            "de",
            "Leider konnte ich Sie bei der Auswahlentscheidung für die Sachgebietsleitung"
            " Kfz-Zulassung nicht berücksichtigen.",
        ),
        ("es", "Lamentablemente no te han ofrecido el puesto de Band 5 Staff Nurse."),
        (
            "es",
            "Al final la dirección ha preferido apostar por una persona que vive aquí al lado"
            " para la plaza de enfermera de noches.",
        ),
        (
            "nl",
            "De commissie heeft beslist om u niet te weerhouden voor de functie van coördinator.",
        ),
        (
            "en",
            "I'm afraid we won't be able to take this further - the Reception Maternity Cover has"
            " been filled internally by one of our part-time teachers.",
        ),
        (
            "es",
            "Le comunicamos que, una vez baremados los méritos, no ha sido incluido en la relación"
            " de candidatos de la bolsa de trabajo temporal.",
        ),
        ("es", "Al final la dirección ha preferido cubrirla con alguien con francés nativo."),
        ("fr", "Désolée, on part sur quelqu'un d'autre pour le remplacement du congé maternité."),
        (
            "fr",
            "Nous accusons réception de votre candidature au poste de pharmacien adjoint."
            " Celle-ci n'a pas été retenue.",
        ),
        (
            "fr",
            "Nous sommes au regret de ne pouvoir donner une suite favorable à votre demande, le"
            " poste ayant été pourvu par voie de mutation.",
        ),
        ("fr", "L'hôpital a fait savoir qu'il ne retenait pas votre candidature."),
        (
            "fr",
            "Après examen de votre dossier, j'ai le regret de vous informer que votre candidature"
            " n'a pas reçu d'avis favorable pour un recrutement à la rentrée scolaire 2025.",
        ),
        (
            "fr",
            "Le comité de sélection n'a pas classé votre candidature. Vous ne pourrez donc pas être"
            " recruté(e) sur ce poste.",
        ),
        (
            "fr",
            "Nous sommes au regret de vous informer qu'aucune désignation ne vous sera proposée pour"
            " l'année scolaire 2025-2026.",
        ),
        (
            "fr",
            "Je n'ai donc pas de volume à vous proposer et ne retiendrai pas votre candidature pour"
            " cette session.",
        ),
        ("fr", "Nouveau statut : Candidature non retenue"),
        (
            "en",
            "Your application for Staff Nurse - Ward 7 (ref 305-W7-0912) has been unsuccessful.",
        ),
        (
            "es",
            "Al no haber alcanzado la puntuación mínima, queda usted eliminado del proceso"
            " selectivo.",
        ),
        (
            "es",
            "Ahora mismo no tenemos ninguna vacante que encaje con tu perfil, así que no vamos a"
            " poder avanzar con tu candidatura.",
        ),
        (
            "en",
            "They're going to extend the current locum's contract rather than bring someone new"
            " in, so the Paisley post isn't going ahead for you I'm afraid.",
        ),
        (
            "en",
            "After some reflection, I've decided to pursue applicants based in the South East, as"
            " the role will need more in-person tribunal attendance.",
        ),
        (
            "en",
            "Thank you for spending time with us last week. We've now made an appointment: the"
            " person we've chosen has run employment programmes.",
        ),
        (
            "en",
            "After reading your application alongside the role profile, I don't think this is"
            " quite the right role for you at the moment.",
        ),
        (
            "de",
            "Nach Prüfung aller Unterlagen haben wir uns gegen eine Einladung zum Gespräch"
            " entschieden.",
        ),
        (
            "de",
            "Wir gehen mit der Referentenstelle einen anderen Weg und haben uns für einen Kollegen"
            " aus der Landesverwaltung entschieden.",
        ),
        ("de", "Für die Beraterstelle Kommunen passt es für uns im Moment leider nicht."),
        (
            "es",
            "Su puntuación (6,25 puntos) no le sitúa entre los aspirantes propuestos para su"
            " contratación.",
        ),
        (
            "fr",
            "Le poste a été octroyé par ancienneté à une personne de la liste de rappel, selon les"
            " règles de notre convention collective.",
        ),
        (
            "fr",
            "La direction a tranché, le CDI ne te sera pas proposé, c'est Mme Lafargue qui le prend.",
        ),
        # a shift manager, a staffing agency, an owner writing from a phone
        ("en", "Quick update - the client passed on moving you to the second round."),
        (
            "en",
            "I've got to be straight with you - we're going to fill the Peak Team Lead spots with"
            " guys who already work in the building. Corporate wants internal promotions first.",
        ),
        ("en", "I ended up going with one of our seasonal guys for the Yard Lead spot."),
        (
            "en",
            "This assignment has been filled, and your submission will not be forwarded to the"
            " client.",
        ),
        ("en", "We are going to hire my nephew's buddy for the Yard & Shipping Foreman position."),
        (
            "en",
            "They're freezing the 2nd Shift Lead spot until Q2, so I'm not going to be able to"
            " bring you on.",
        ),
        (
            "fr",
            "Le comité a finalement opté pour une personne qui détient une expérience clinique en"
            " pédopsychiatrie.",
        ),
        ("fr", "Finalement, on a décidé d'aller avec une ergo qui fait déjà de la rééducation."),
        (
            "fr",
            "Vous n'avez pas atteint le seuil de passage fixé à 60 %. Par conséquent, votre"
            " candidature ne peut être retenue pour la suite du processus.",
        ),
        (
            "es",
            "La Comisión ha propuesto para la plaza a otra candidata, no habiendo resultado usted"
            " propuesta para su provisión.",
        ),
        (
            "en",
            "The customer has finalised the crew list and we have not been able to include you on"
            " this occasion. All places went to contractors with A320 heavy check experience.",
        ),
        ("fr", "Dsl pour la reponse tardive on a trouve qqn pour la cuisine, merci d etre passe."),
        ("fr", "La place est déjà prise, désolé."),
        ("nl", "Daarom stop ik hier de procedure – liever nu eerlijk dan over drie maanden."),
        ("nl", "Op dit moment is ons team volledig en kan ik je dus geen plaats aanbieden."),
        ("de", "Die haben sich nach den Gesprächen für zwei andere Fahrer entschieden."),
        (
            "en",
            "We've now filled both driver seats on the Venlo–Milan run, so there is nothing I can"
            " offer you at the moment.",
        ),
        (
            "en",
            "Sadly, you didn't score highly enough in the video interview for us to invite you to"
            " our assessment centre in March.",
        ),
        (
            "en",
            "We've gone with two students who already run big society socials, so we can't offer"
            " you one of the places this time round.",
        ),
        (
            "fr",
            "Du coup, je ne vais pas te proposer la place. J'ai préféré te l'écrire franchement.",
        ),
        ("fr", "Malheureusement on ne va pas pouvoir te prendre, il commence lundi."),
        ("fr", "On part finalement sur quelqu'un qui a travaillé avec Hugo à Annecy."),
        (
            "de",
            "Nach Durchführung der Vorstellungsgespräche ist die Auswahl auf andere Bewerberinnen und"
            " Bewerber gefallen. Ich bedaure, Ihnen keinen günstigeren Bescheid erteilen zu können.",
        ),
    ],
)
def test_rejections_phrased_as_recruiters_write_them(language, sentence):
    assert _framed(language, sentence)


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        (
            "en",
            "We are interviewing other candidates this week and will let you know the outcome"
            " by Friday.",
        ),
        ("en", "Unfortunately the interview has to be moved to Friday. Sorry for the hassle."),
        ("en", "The role has been put on hold, but you remain in the process."),
        (
            "en",
            "The panel would like to consider you for our Learning Designer role instead, so"
            " I'll move your application across.",
        ),
        ("nl", "We hebben besloten je uit te nodigen voor een tweede gesprek."),
        ("de", "Wir freuen uns, Ihnen eine Zusage für die Stelle geben zu können!"),
        ("fr", "Nous avons le plaisir de vous inviter à un entretien."),
        ("es", "Tu candidatura sigue en proceso; te informaremos pronto."),
        (
            "de",
            "Ich muss unser Gespräch am Mittwoch leider absagen und würde den Termin gerne"
            " verschieben. Ihre Bewerbung ist weiterhin im Rennen.",
        ),
        (
            "nl",
            "Goed nieuws, gefeliciteerd: je bent door naar de tweede ronde! Helaas kunnen we"
            " niet verder met het salaris dan de schaal.",
        ),
        (
            "nl",
            "We spreken deze week nog twee andere kandidaten en hopen volgende week een besluit"
            " te nemen.",
        ),
        ("nl", "Ik moest het even kwijt: ik ben weer afgewezen, nu voor een functie in Utrecht."),
        (
            "es",
            "Te proponemos una entrevista el jueves. Lamentablemente no podemos ofrecer otras"
            " fechas esa semana.",
        ),
        ("nl", "We hebben je verzoek ontvangen om je sollicitatie in te trekken. Veel succes!"),
        ("nl", "Wij nodigen u hierbij uit voor het mondelinge gedeelte op dinsdag."),
        (
            "nl",
            "We hebben je cv goed ontvangen. Helaas lukt het ons niet om iedereen die niet door"
            " gaat persoonlijk feedback te geven.",
        ),
        (
            "de",
            "Jetzt hat es mich auch erwischt: Heute kam die Absage von der Uni. Hast du Donnerstag"
            " Zeit für einen Kaffee?",
        ),
        (
            "es",
            "Acusamos recibo de su candidatura. Si en el plazo de cuatro semanas no ha recibido"
            " noticias nuestras, entienda que su candidatura no ha sido seleccionada.",
        ),
        (
            "nl",
            "De selectiecommissie heeft unaniem voor jou gekozen. In bijlage vind je de"
            " aanbiedingsbrief met het loonvoorstel.",
        ),
        (
            "nl",
            "Als laatste stap nemen we graag referenties op, bij voorkeur een leidinggevende en"
            " iemand uit je team.",
        ),
        ("nl", "Als je binnen vier weken niets van ons hoort, is je kandidatuur niet weerhouden."),
        (
            "de",
            "Nach den drei Absagen im Frühjahr bin ich unsicher. Kannst du mein Anschreiben lesen?",
        ),
        (
            "de",
            "Hiermit bestätigen wir, dass Sie Ihre Bewerbung als Eventmanagerin (Req. 4410) am"
            " 20.03. über das Portal zurückgezogen haben. Wir bedauern Ihre Entscheidung.",
        ),
        (
            "en",
            "Following the consultation, we will not be proceeding with the proposed restructure"
            " of the events team. All roles remain as they are.",
        ),
        # a withdrawal at the candidate's request, an outreach that recalls an old no, an
        # acknowledgement whose no is only conditional, an offer
        ("de", "Wir freuen uns, Ihnen eine Zusage für die Stelle als Eventmanagerin zu geben."),
        (
            "de",
            "Wir bestätigen den Eingang Ihrer Bewerbung. Leider können wir nicht jede Bewerbung"
            " einzeln beantworten, sofern sie nicht in die engere Auswahl kommt.",
        ),
        (
            "fr",
            "Nous vous proposons de passer directement à l'étape suivante. Quelle date vous"
            " conviendrait le mieux ?",
        ),
        ("nl", "Ik heb je kandidatuur stopgezet zoals je vroeg. Jammer, maar veel succes!"),
        (
            "nl",
            "Enkel wie weerhouden wordt, contacteren wij. Wij kunnen helaas niet elke kandidaat"
            " individueel op de hoogte stellen.",
        ),
        (
            "nl",
            "Je zit met één andere kandidaat in de laatste ronde; mogen we je referenties bellen?",
        ),
        (
            "nl",
            "U solliciteerde eerder en toen was het niet de juiste match. Deze functie is anders:"
            " zou u een verkennend gesprek zien zitten?",
        ),
        (
            "en",
            "We have received your application. If you are not selected for this position, we"
            " will keep your profile on file for other openings.",
        ),
        (
            "es",
            "Te confirmamos la recepción de tu currículum. Si en cuatro semanas no has tenido"
            " noticias nuestras, entiende que tu candidatura no ha sido seleccionada.",
        ),
        # a guess, not a decision: a job board's saved ad has gone
        (
            "de",
            "Die Stelle auf Ihrer Merkliste ist nicht mehr online. Möglicherweise wurde die"
            " Stelle bereits besetzt. Viel Erfolg bei der Suche!",
        ),
        (
            "en",
            "I'm happy to let you know that the hiring team would like to move you forward to"
            " the technical interview stage!",
        ),
        # a friend passing on a CV, or wondering about an old no
        (
            "de",
            "Ich kann dir nix versprechen, leider gibt es auch einen internen Bewerber, aber"
            " dein Lebenslauf liegt jetzt bei der Personalabteilung.",
        ),
        (
            "fr",
            "Malheureusement, je ne peux pas te recommander pour le poste : je fais partie du"
            " panel d'entretien.",
        ),
        # a flat and a prize
        (
            "es",
            "El propietario decidió avanzar con otro postulante para el departamento. Te aviso"
            " si entra algo parecido en la zona.",
        ),
        (
            "es",
            "El jurado ha evaluado los proyectos presentados a los premios y, lamentablemente,"
            " el tuyo no ha resultado seleccionado como finalista.",
        ),
        # a withdrawal confirmed, an exam passed, an acknowledgement, the panel's own list
        (
            "de",
            "Wir bedauern Ihre Absage sehr. Hiermit bestätige ich die Rücknahme Ihrer Bewerbung"
            " auf die Stelle.",
        ),
        (
            "nl",
            "Wij hebben het genoegen u mee te delen dat u geslaagd bent voor dit onderdeel."
            " Kandidaten die minder dan 60% behaalden, zijn niet geslaagd.",
        ),
        (
            "nl",
            "Hierbij bevestigen wij de ontvangst van uw sollicitatie. Wij kunnen helaas niet"
            " iedere kandidaat persoonlijk informeren over de reden van een afwijzing.",
        ),
        (
            "nl",
            "Zou jij de drie kandidaten willen bellen die we afwijzen? Helaas hebben we besloten"
            " je niet aan te nemen, is de tekst.",
        ),
        (  # a choir and a volunteer panel
            "en",
            "We're sorry to say that we are not able to offer you a place in the chamber group"
            " this season.",
        ),
        (
            "fr",
            "Nous vous confirmons le retrait de votre candidature. Nous regrettons votre décision,"
            " mais nous la respectons. Votre candidature ne sera plus examinée pour ce poste.",
        ),
        (
            "fr",
            "Bonnes nouvelles : ta candidature a été retenue pour la shortlist. Les deux autres"
            " candidats n'ont pas été retenus.",
        ),
        (
            "fr",
            "À défaut de retour de notre part d'ici un mois, nous vous remercions de considérer"
            " que nous ne sommes pas en mesure de donner une suite favorable à votre candidature.",
        ),
        (
            "en",
            "Recruitment news: we've now filled our Literacy Programme Coordinator post and we'd"
            " like to thank everyone who applied - over 90 of you!",
        ),
        (
            "es",
            "La comisión de selección ha acordado convocarle a la fase de prueba práctica y"
            " entrevista.",
        ),
        (
            "es",
            "Nuevo estado: En revisión por el equipo de selección. Recuerda que no todas las"
            " candidaturas pasan a la fase de entrevista.",
        ),
        (
            "en",
            "I am pleased to advise that you have been shortlisted for interview. Of the 27"
            " applications received, the remaining applicants were unsuccessful at this stage.",
        ),
        (
            "en",
            "I wish to advise you that you have been placed on the relief panel. Although you were"
            " not among the candidates recommended for the current vacancies, we expect to make"
            " offers from it.",
        ),
        (
            "en",
            "Thanks for dropping in your CV. I've received it and passed it on to our Director of"
            " Nursing. I'm afraid there'll be a bit of a wait. I'll be in touch either way.",
        ),
        (
            "de",
            "Wir möchten Sie gern zu einer zweiten Runde mit unserem Geschäftsführer einladen."
            " Leider haben wir einigen anderen Kandidaten bereits absagen müssen.",
        ),
        (
            "en",
            "Not quite the right role for you right now? Join our Talent Community to hear about"
            " new jobs first.",
        ),
        (
            "es",
            "Todavía nos quedan dos entrevistas por hacer, así que no tomaremos una decisión sobre"
            " la plaza hasta la semana que viene. Siento la demora.",
        ),
        (
            "es",
            "Tu candidatura ha sido retirada correctamente a petición tuya. Lamentamos que no"
            " puedas continuar en el proceso.",
        ),
        (
            "en",
            "I'd like to arrange an informal call to talk through your experience and what we're"
            " looking for. Would Wednesday 18th at 4pm suit?",
        ),
        (
            "nl",
            "Hierbij bevestigen we dat je je sollicitatie voor de functie Kotlin Developer (vacature"
            " 24-1178) hebt ingetrokken. Jammer, maar we respecteren je keuze.",
        ),
        (
            "es",
            "Entendido. Ya le notifiqué al cliente que retiras tu candidatura para la posición."
            " Te deseo mucho éxito en tu nuevo reto.",
        ),
        (
            "nl",
            "Je hebt je kandidatuur voor Tandartsassistent(e) 4/5 bij Dentiq in Mechelen"
            " ingetrokken. Jammer, maar we begrijpen het helemaal.",
        ),
        (
            "en",
            "We've had a record number of applications and are still working through them. No"
            " decisions have been made yet, and we now expect to contact shortlisted candidates by"
            " 6 December.",
        ),
    ],
)
def test_news_in_the_same_words_that_is_no_rejection(language, sentence):
    assert not _framed(language, sentence)


def test_a_job_boards_status_update_with_an_unsubscribe_header_is_still_a_rejection():
    raw = (
        "From: TalentoMX <no-reply@talentomx.example>\r\nSubject: Ingenieros Asociados del Bajío"
        " actualizó el estado de tu postulación\r\nList-Unsubscribe:"
        " <https://www.talentomx.example/cuenta/baja?u=88213>\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\nHola Diego,\r\n\r\nIngenieros Asociados del"
        " Bajío revisó tu postulación a la vacante Residente de Obra Hidráulica.\r\n\r\n"
        "Lamentablemente, la empresa decidió no continuar con tu postulación en esta ocasión."
        "\r\n\r\n¡No te desanimes! Hay 37 vacantes nuevas que coinciden con tu perfil.\r\n"
    ).encode()
    assert detect(parse_email(raw)).is_rejection


@pytest.mark.parametrize(
    "body",
    [  # a consolation offered in a rejection is not what the mail is about
        "Wir haben uns für jemanden entschieden, der schon mehrere Kampagnen organisiert hat."
        " Falls du Lust hast, bei der AG Energie ehrenamtlich mitzumachen, sag Bescheid.",
        "Te escribo para decirte que no has sido seleccionado. Si te interesa colaborar de forma"
        " voluntaria en nuestras tardes de refuerzo, estaremos encantados.",
    ],
)
def test_volunteering_offered_as_consolation_keeps_a_rejection(body):
    raw = (
        "From: Chris Wendling <chris@naturbund.example>\r\nSubject: Deine Bewerbung / Tu candidatura"
        f"\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n\r\nChris\r\n"
    ).encode()
    assert detect(parse_email(raw)).is_rejection


def test_a_grant_not_won_is_not_a_job_rejection():
    raw = (
        "From: Physiotherapy Research Foundation <grants@physioresearch.example>\r\n"
        "Subject: Small Grants Round 2024 – outcome of your application\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\nDear Mr Thompson,\r\n\r\nThank you for"
        " applying to the Small Grants scheme. The panel met last week and considered 48"
        " applications, of which 9 were funded.\r\n\r\nI am sorry to tell you that your application"
        " was not successful on this occasion.\r\n\r\nYours sincerely,\r\n\r\nGrants Team\r\n"
    ).encode()
    assert not detect(parse_email(raw)).is_rejection


@pytest.mark.parametrize(
    "news",
    [
        "So I got knocked back again - they went with someone who's been acting in the job.",
        "J'ai reçu hier un refus pour le poste à l'hôpital, ils ont préféré une candidate interne.",
        "A mí me ha llegado hoy el correo: han decidido avanzar con otros candidatos.",
        "Ik was bij de stad in de laatste ronde, maar ze hebben voor iemand anders gekozen.",
        "How's your search going? The Carnforth people went with someone else for the lead job.",
        "Je viens de recevoir la réponse de la banque pour le poste : ils ont retenu une"
        " candidate interne.",
        "Je ne sais pas pourquoi ta candidature n'a pas été retenue chez eux, mais je peux te"
        " dire qui contacter.",
        "Ook afgewezen bij Brugwerk, zie hieronder. We hebben allebei verloren haha.",
        "Just heard back from Maplewood: they turned me down for the SCI position. They said they"
        " went with someone with acute SCI experience.",
    ],
)
def test_a_friend_telling_of_their_own_rejection_is_no_rejection(news):
    raw = (
        "From: Sam Reid <sam.reid@mailpost.example>\r\nSubject: news from me\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        f"Hi Aylin!\n\nHow's the job hunt going? {news}\n\nDrinks on Friday?\n\nSam\n"
    ).encode()
    assert not detect(parse_email(raw)).is_rejection


@pytest.mark.parametrize(
    ("sender", "subject", "body"),
    [
        (  # an online test that must be done in time
            "Talentmeter <noreply@talentmeter.example>",
            "Uitnodiging online assessment",
            "Beste Sven,\n\nBedankt voor je sollicitatie! Als volgende stap vragen we je een online"
            " capaciteitentest te maken, tot en met maandag 17 februari.\n\nLet op: als je de test"
            " niet binnen deze termijn afrondt, kunnen we je sollicitatie helaas niet verder in"
            " behandeling nemen.\n\nSucces!\nTalentmeter",
        ),
        (  # a rule for every applicant, in an acknowledgement
            "Stad Dijlevoort - Jobs <noreply@dijlevoort.example>",
            "Ontvangstbevestiging kandidatuur Testcoördinator ICT",
            "Geachte heer De Boer,\n\nWij hebben uw kandidatuur voor de functie van"
            " Testcoördinator goed ontvangen. Uiterlijk op 14 februari ontvangt u bericht of u"
            " wordt toegelaten tot de selectieprocedure. Kandidaten die niet voldoen aan de"
            " diplomavereisten kunnen wij helaas niet weerhouden.\n\nTeam Selectie",
        ),
        (  # a recruiter's approach
            "Els Maes <els.maes@profielwerk.example>",
            "Vacature Test Engineer Automation",
            "Dag Sven,\n\nIk vond uw profiel terug in onze databank en denk dat u perfect zou"
            " passen voor een vacature bij een bank in Brussel. Onze klant biedt een mooi pakket."
            "\n\nHeeft u interesse? Dan plan ik graag een gesprek in.\n\nMet vriendelijke"
            " groeten,\nEls Maes\nSenior Consultant",
        ),
        (  # a survey for every candidate, whatever the outcome
            "Groupe financier Sainte-Foy <ne-pas-repondre@gfsf-sondages.example>",
            "Votre avis sur votre expérience de candidature",
            "Bonjour Émilie,\n\nVous avez récemment participé à un processus de recrutement. Peu"
            " importe le résultat, votre avis compte! Vos réponses nous aideront à mieux"
            " communiquer avec les personnes candidates, y compris lorsque leur candidature"
            " n'est pas retenue.\n\nAcquisition de talents",
        ),
        (  # a flat
            "Mélissa Hébert <locations@gipe.example>",
            "Votre demande de location – 4½, rue Saint-Denis",
            "Bonjour Émilie,\n\nNous avons reçu plusieurs candidatures pour ce logement et le"
            " propriétaire a retenu une autre candidature. Nous ne pourrons donc pas donner"
            " suite à votre demande.\n\nMélissa Hébert\nAgente de location\nGestion immobilière"
            " Plateau-Est",
        ),
        (  # good news, with one "leider" in it
            "Feringa Connect <no-reply@feringa-connect.jobs.personio.example>",
            "Gute Neuigkeiten zu deiner Bewerbung",
            "Hallo Tobias,\n\ngute Nachrichten: Du bist eine Runde weiter! Wir haben leider nicht"
            " allen eine Zusage für die nächste Runde geben können. Als Nächstes möchten wir dich zu"
            " einem 45-minütigen Fachgespräch mit unserem Team einladen.\n\nViele Grüße\nLeonie",
        ),
        (  # what happens to the data in case of a rejection
            "Killesberg Software <noreply@killesberg-se.softgarden-mail.example>",
            "Ihre Bewerbung ist bei uns eingegangen",
            "Sehr geehrter Herr Brandl,\n\nherzlichen Dank für Ihre Bewerbung. Wir melden uns"
            " innerhalb von drei Wochen.\n\nHinweis zum Datenschutz: Im Falle einer Absage werden"
            " Ihre Daten sechs Monate nach Abschluss des Verfahrens gelöscht.\n\nIhr Recruiting-Team",
        ),
        (  # a deadline for an assessment
            "Bavaria Drive <bavariadrive@myworkday.com>",
            "Nächster Schritt: Online-Assessment",
            "Guten Tag Tobias Brandl,\n\nwir freuen uns, Ihnen mitteilen zu können, dass Sie die erste"
            " Auswahlstufe erfolgreich durchlaufen haben. Bitte schließen Sie das Assessment"
            " innerhalb von 5 Werktagen ab. Nach Ablauf dieser Frist können wir Ihre Bewerbung"
            " leider nicht weiter berücksichtigen.\n\nIhr Talent Acquisition Team",
        ),
        (  # good news in Spanish
            "Qori Seguros <qoriseguros@taleo.net>",
            "Proceso de Selección - Analista de Investigación",
            "Estimada Valeria:\n\nNos complace informarle que ha sido seleccionada para continuar a"
            " la siguiente etapa del proceso de selección para el puesto de Analista.\n\n"
            "Gestión del Talento",
        ),
        (  # an agency putting the candidate forward
            "Aurélien Fournier <a.fournier@brennan-vidal.example>",
            "Présentation de votre candidature à notre client",
            "Bonjour Madame Martin,\n\nJe vous confirme que j'ai présenté ce matin votre candidature"
            " à notre client pour le poste de Chef de Projet. Le client devrait me faire un retour"
            " d'ici dix jours. Si votre profil est retenu, l'étape suivante sera un entretien."
            "\n\nBien cordialement,\nAurélien Fournier\nManager",
        ),
        (  # a grant
            "Fondation Aéro Avenir <bourses@aero-avenir.example>",
            "Bourses Femmes & Ingénierie 2025 – décision du comité",
            "Madame,\n\nNous vous remercions pour votre candidature. Au vu du nombre de dossiers, nous"
            " sommes au regret de vous informer que votre dossier n'a pas été retenu pour un"
            " financement.\n\nAgnès Duclos\nDéléguée générale",
        ),
        (  # a recruiter confirming the candidate withdrew
            "Kieran Doyle <kieran@bluestonetalent.example>",
            "Re: withdrawing from Design Manager process",
            "Hi Liam,\n\nNo worries at all, and congrats on the offer!\n\nI've let the client know"
            " and withdrawn you from the process for the Design Manager role. They were"
            " disappointed but understood.\n\nBest of luck in the new job.\n\nCheers,\nKieran",
        ),
        (  # a rowing club's squad
            "Sellwood Rowing Club <masters@sellwoodrowing.example>",
            "Masters Competitive Squad - selection results",
            "Hi Keisha,\n\nThank you for coming out to the erg test and seat racing. We had 31"
            " athletes try out for 16 seats.\n\nI'm sorry to let you know that you were not"
            " selected for the competitive squad this season.\n\nCoach Søren",
        ),
        (  # a citizens' assembly drawn by lot
            "Citizens' Assembly Wales <noreply@citizensassembly.example>",
            "Citizens' Assembly on Housing - selection outcome",
            "Dear Gareth,\n\nThank you for registering your interest in taking part. Members are"
            " selected by a random, stratified lottery. We are sorry to tell you that you were"
            " not selected on this occasion.\n\nCitizens' Assembly Wales Secretariat",
        ),
        (  # the friend the user referred was turned down, not the user
            "Eunice Toh <eunice.toh@kestrelfr.example>",
            "Your referral – Joshua Lee",
            "Hi Wei Ling,\n\nThank you so much for referring your friend Joshua Lee to us!\n\nJust"
            " to update you: I've met Joshua and submitted him for a KYC Analyst role, but"
            " unfortunately the client has decided not to progress his application. I'm still"
            " working with him on a couple of other openings.\n\nOur referral reward is paid once"
            " a referred candidate is placed.\n\nBest regards,\nEunice Toh\nSenior Consultant",
        ),
    ],
)
def test_mail_of_a_job_search_that_decides_nothing_is_no_rejection(sender, subject, body):
    raw = (
        f"From: {sender}\r\nSubject: {subject}\r\nContent-Type: text/plain; charset=utf-8\r\n"
        f"\r\n{body}\n"
    ).encode()
    assert not detect(parse_email(raw)).is_rejection


def test_a_rejection_quoted_after_a_two_letter_quotation_is_still_a_quotation():
    """'the "no"' closes its own quotation marks: the next pair is the quoted rejection."""
    raw = (
        b"From: Careers Weekly <editor@careersweekly.example>\r\nSubject: Lines recruiters use\r\n"
        b"Content-Type: text/plain; charset=utf-8\r\n\r\nHello readers,\n\nCandidate experience"
        b' lives or dies in the "no". Our favourite line this month: "We have decided not to'
        b' move forward with your application." Tell us yours!\n\nThe Careers Weekly team\n'
    )
    assert not detect(parse_email(raw)).is_rejection


def _forward(
    sender: str,
    forwarded_from: str,
    note: str,
    outer: str = "Femke,\n\nSorry - I said I'd let you know as soon as I heard. See below.\n\nOwen",
) -> bool:
    raw = (
        f"From: {sender}\r\nTo: Femke Jansen <femke.jansen@mailpost.example>\r\n"
        "Subject: FW: Site Engineer shortlist\r\nContent-Type: text/plain; charset=utf-8\r\n"
        "Message-ID: <fw1@tidewater.example>\r\n\r\n"
        f"{outer}\n\n-----Original Message-----\n"
        f"From: {forwarded_from}\nSent: 04 April 2024 17:22\nTo: Owen Maddox <owen@tidewater.example>"
        f"\nSubject: RE: Site Engineer shortlist\n\n{note}\n"
    ).encode()
    return detect(parse_email(raw)).is_rejection


DECISION = (
    "Owen,\n\nThanks for seeing all three. We have decided to go with another candidate for the"
    " Site Engineer post; please let Femke down gently and thank her for her time.\n\nG."
)


def test_a_decision_forwarded_from_a_colleague_is_the_senders_word():
    assert _forward(
        "Owen Maddox <owen@tidewater.example>", "Graham <graham@tidewater.example>", DECISION
    )


@pytest.mark.parametrize(
    ("sender", "forwarded_from"),
    [
        # a friend forwarding a rejection they got themselves
        ("Daan <daan.bakker@mailpost.example>", "Graham <graham@tidewater.example>"),
        # two people on a mail provider everyone shares are not one organisation
        ("Owen <owen.maddox@gmail.com>", "Graham <graham.t@gmail.com>"),
    ],
)
def test_a_forward_from_elsewhere_is_not_read_as_the_senders_word(sender, forwarded_from):
    assert not _forward(sender, forwarded_from, DECISION)


@pytest.mark.parametrize(
    "raw",
    [
        (
            "From: Pilar Navas <pnavas@hurm.example>\r\nSubject: Fwd: Resolución proceso Supervisora\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n\r\n"
            "Lucía, mira lo que me ha llegado. ¿Tú crees que merece la pena reclamar?\r\n\r\n"
            "---------- Forwarded message ---------\r\n"
            "De: Dirección de Enfermería <direccion.enfermeria@hurm.example>\r\n"
            "Subject: Resolución proceso Supervisora\r\nTo: Pilar Navas <pnavas@hurm.example>\r\n\r\n"
            "Estimada Pilar:\r\n\r\nLa comisión ha propuesto a otra candidata, por lo que su"
            " candidatura no ha sido seleccionada.\r\n"
        ),
        (  # her own words above it: "I didn't get the Team Leader post"
            "From: Rebecca Lyons <becca.lyons@ardencross.gov.example>\r\nSubject: FW: Outcome of your"
            " application\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nDan – see below, I didn't"
            " get the Team Leader post. Gutted. Can we talk at lunch?\r\nBecca\r\n\r\n"
            "-----Original Message-----\r\nFrom: Recruitment <noreply@ardencross.gov.example>\r\n"
            "Sent: 02 July 2025 15:12\r\nTo: Rebecca Lyons\r\nSubject: Outcome of your application"
            "\r\n\r\nDear Rebecca,\r\nI regret to inform you that your application has not been"
            " successful on this occasion.\r\n"
        ),
    ],
)
def test_a_colleague_forwarding_their_own_rejection_is_no_rejection(raw):
    assert not detect(parse_email(raw.encode())).is_rejection


def test_advice_that_quotes_a_rejection_in_german_quotation_marks_is_no_rejection():
    raw = (
        "From: Jobbörse Ratgeber <ratgeber@jobboerse.example>\r\n"
        "Subject: Die 7 häufigsten Gründe für eine Absage\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        "Diese Fehler führen am häufigsten dazu, dass es schon in der ersten Runde heißt:"
        ' „Wir haben uns für andere Kandidaten entschieden."\r\n\r\n1. Ein Standard-Anschreiben'
        "\r\n2. Lücken im Lebenslauf\r\n\r\nDen vollständigen Artikel lesen Sie auf unserer"
        " Website.\r\nDiesen Ratgeber-Newsletter abbestellen: Mein Konto\r\n"
    ).encode()
    assert not detect(parse_email(raw)).is_rejection


def test_a_clients_decision_an_agency_forwards_is_the_agencys_word():
    outer = "Femke,\n\nSee below from the client - sorry. Let's regroup on Thursday.\n\nOwen"
    assert _forward(
        "Owen Maddox <owen@tidewater.example>", "Graham <graham@harbourco.example>", DECISION, outer
    )


def test_a_rejection_template_forwarded_for_review_is_no_rejection():
    template = (
        "Hi {{candidate_first_name}},\n\nAfter careful consideration, we've decided not to move"
        " forward with your application for the {{job_title}} role. We'll keep your details on"
        " file.\n\n{{recruiter_name}}"
    )
    outer = "Femke,\n\nCould you sanity-check our new template before People Ops rolls it out?"
    assert not _forward(
        "Nikhil <nikhil@tidewater.example>", "People Ops <ops@tidewater.example>", template, outer
    )


@pytest.mark.parametrize(
    ("sender", "signature", "contact"),
    [
        (
            "Reto Baumann <reto.baumann@alpenfirn.example>",
            "Freundliche Grüsse\r\nReto Baumann\r\nHR Business Partner\r\nAlpenfirn Kantonalbank",
            "Reto Baumann",
        ),
        (
            '"Lasheras Gil, Javier" <javier.lasheras@cierzo.example>',
            "Un saludo,\r\nJavier Lasheras Gil\r\nJefe de Sistemas\r\nCierzo Energía",
            "Javier Lasheras Gil",
        ),
        (
            "Sofie Claes <sofie.claes@heidebeek.example>",
            "Met vriendelijke groeten\r\nSofie Claes\r\nHR-consultant – dienst Personeel &"
            " Organisatie\r\nGemeente Heidebeek\r\nDorpsplein 1, 2994 Heidebeek\r\n"
            "T 03 690 41 27\r\nsofie.claes@heidebeek.example",
            "Sofie Claes",
        ),
        (  # the first name alone, over the company line
            "Siobhán Keane <siobhan@lakeshoreferries.example>",
            "Best of luck with it all,\r\nSiobhán\r\nLakeshore Ferry Company, Killaloe",
            "Siobhán Keane",
        ),
        (  # "Gr" for groeten, then a footer
            "Wouter de Kruijf <wouter@dekruijf-installatie.example>",
            "Gr Wouter\r\n\r\nDe Kruijf Installatietechniek\r\n06-12 34 56 78",
            "Wouter de Kruijf",
        ),
        (  # a nickname signs; the full name follows, written the other way round
            '"Medina Ortiz, Rocío" <rmedina@solanaviajes.example>',
            "Un abrazo,\r\nRo\r\n\r\nRocío Medina Ortiz · Jefa de Producto\r\n"
            "Solana Viajes · Sevilla",
            "Rocío Medina Ortiz",
        ),
        (  # no sign-off; a town's name below the title looks like a name too
            "Anne-Laure Favre <anne-laure.favre@morges-ville.example>",
            "Anne-Laure Favre\r\nCheffe du service des finances\r\nVille de Morges\r\n"
            "Place du Casino 1 – 1110 Morges\r\nTél. +41 21 804 96 00",
            "Anne-Laure Favre",
        ),
        (  # letters after the name, the company's line above it
            "Gareth Penrose <gpenrose@tamarworks.example>",
            "Best wishes,\r\n\r\nTamar Works Engineering Ltd\r\nGareth Penrose CEng MIMechE\r\n"
            "Associate Director",
            "Gareth Penrose",
        ),
        (  # the display name is short, the signature says it in full
            "Ade Okafor <ade@brightfen.example>",
            "Best,\r\nAde\r\n--\r\nAdebola Okafor\r\nCo-founder, Brightfen Robotics",
            "Adebola Okafor",
        ),
        (  # a nickname signs for the display name
            "Alexander Hartley <alex@hartleyjoinery.example>",
            "All the best\r\nAlex\r\n\r\nSent from my iPhone",
            "Alexander Hartley",
        ),
        (
            "Harbourline Recruitment <notifications@harbourline.example>",
            "Best wishes,\r\nCerys ap Rhys\r\nConsultant, Harbourline Recruitment",
            "Cerys ap Rhys",
        ),
        (
            "Gráinne Ní Bhriain <grainne.nibhriain@slievemore.example>",
            "Regards,\r\n\r\nGráinne Ní Bhriain\r\nQuality Manager\r\nSlievemore Devices",
            "Gráinne Ní Bhriain",
        ),
        (  # the NHS's display name, and a surname first
            '"HOLLOWAY, Rebecca (NORTHMOOR TEACHING HOSPITALS NHS FOUNDATION TRUST)"'
            " <rebecca.holloway3@nhsmail.example>",
            "Take care and best of luck,\r\n\r\nBecky\r\n\r\nRebecca Holloway\r\nInternational"
            " Nurse Recruitment Lead\r\nWorkforce Directorate\r\nNorthmoor Teaching Hospitals NHS"
            " Foundation Trust",
            "Rebecca Holloway",
        ),
        (
            '"Lindner, Karl" <k.lindner@huerthwald.example>',
            "Mit freundlichen Grüßen\r\ni. A. Lindner\r\n\r\nKarl Lindner\r\nStadt Hürthwald –"
            " Hauptamt\r\nTel. 02233 53-210",
            "Karl Lindner",
        ),
        (  # a display name with the agency after a bar; a title signed alone
            "Carla Jiménez | Puente Nurses UK <carla.jimenez@puentenurses.example>",
            "Un abrazo fuerte,\r\n\r\nCarla Jiménez Ruiz\r\nInternational Nurse Consultant\r\n"
            "Puente Nurses UK Ltd",
            "Carla Jiménez Ruiz",
        ),
        (  # a nickname signed above the full name and second surname
            "Ignacio Robles <irobles@clinicamirasierra.example>",
            "Un saludo,\r\nNacho\r\n--\r\nIgnacio Robles Carmona\r\nResponsable de Personas |"
            " Clínica Mirasierra",
            "Ignacio Robles Carmona",
        ),
        (  # an initial above the name in full, from the office's address
            "Pflegedienst Sonnenhof <info@pflegedienst-sonnenhof.example>",
            "Mit freundlichen Grüßen\r\n\r\nM. Öztürk\r\nMelek Öztürk\r\nPflegedienstleitung\r\n"
            "Pflegedienst Sonnenhof GmbH",
            "Melek Öztürk",
        ),
        (  # the organisation first, then who signs and her title
            "Stiftung Rheinknie <personal@stiftung-rheinknie.example>",
            "Freundliche Grüsse\r\n\r\nStiftung Rheinknie\r\nClaudia Meier-Frei\r\nLeiterin"
            " Personal\r\nSt. Alban-Vorstadt 12, 4052 Basel",
            "Claudia Meier-Frei",
        ),
        (  # a French office's display name, surname in capitals, and a title before the name
            "Pr BOULANGER Jean-Marc <jean-marc.boulanger@chu-flandre-artois.example>",
            "Bien cordialement,\r\n\r\nPr Jean-Marc Boulanger\r\nPU-PH – Pharmacie clinique",
            "Jean-Marc Boulanger",
        ),
        (
            "LEMAIRE Bertrand <bertrand.lemaire@chu-flandre-artois.example>",
            "Bien à vous,\r\nBertrand",
            "Bertrand Lemaire",
        ),
        (  # who signs for the director
            "CPAS de Wavrelle – GRH <grh@cpaswavrelle.example>",
            "Veuillez agréer, Monsieur, l'expression de nos salutations distinguées.\r\n\r\nPour le"
            " Directeur général,\r\nCaroline Lejeune\r\nService GRH",
            "Caroline Lejeune",
        ),
        (  # a nickname, then the full name with a second surname
            "Dani Ferrer <dani@hauskoa.example>",
            "Un abrazo,\r\nDani\r\n\r\nDaniel Ferrer Puig\r\nCo-founder & CEO · Hauskoa",
            "Daniel Ferrer Puig",
        ),
        (  # a nickname signed, the full name shown
            "Sebastian Dold <sebastian.dold@stadtwerke-kandelbach.example>",
            "Viele Grüße\r\n\r\nBasti Dold\r\nTeamleiter Vertrieb Kommunen\r\nStadtwerke Kandelbach GmbH",
            "Sebastian Dold",
        ),
    ],
)
def test_the_sender_who_signs_is_the_contact(sender, signature, contact):
    assert _signed(signature, sender).contact_name == contact


@pytest.mark.parametrize(
    ("sender", "signature", "contact"),
    [
        (  # the sender's own name heads the signature, a person's below it
            "Hotel Alpenblick <jobs@alpenblick-hotel.example>",
            "Freundliche Grüsse\r\n\r\nHotel Alpenblick\r\nUrs Gisler\r\nDirektor",
            "Urs Gisler",
        ),
        (  # ... a place below it
            "Fondation des Ateliers <no-reply@recruitee.com>",
            "Cordialement,\r\n\r\nFondation des Ateliers\r\nLausanne",
            None,
        ),
        (
            "Grupo Ferrán <empleo@grupoferran.example>",
            "Un cordial saludo,\r\nDirección de Personas\r\nGrupo Ferrán",
            None,
        ),
        (
            "Provincie Zuidmark <noreply@zuidmark.example>",
            "Met vriendelijke groet,\r\n\r\nProvincie Zuidmark\r\nTeam Werving",
            None,
        ),
        (  # a name with a legal form after it
            "Reclutaweb <noreply@reclutaweb.example>",
            "Un cordial saludo.\r\n\r\nLogística Bajío, S.A. de C.V.\r\nLeón, Guanajuato",
            None,
        ),
        (  # an agency's branch reads like a person, but its first word is the domain's
            "Alpstaff Genève <geneve@alpstaff.example>",
            "Meilleures salutations\r\n\r\nAlpstaff Genève\r\nRue de Lyon 71",
            None,
        ),
    ],
)
def test_an_organisation_signing_is_not_the_contact(sender, signature, contact):
    assert _signed(signature, sender).contact_name == contact


@pytest.mark.parametrize(
    ("sender", "signature", "first_name"),
    [
        (  # an Austrian engineer's degree before the name
            "Ingenieurbüro Lamprecht <office@lamprecht-ib.example>",
            "Mit freundlichen Grüßen\r\n\r\nDI Gerhard Lamprecht\r\nIngenieurbüro Lamprecht, Weiz",
            "Gerhard",
        ),
        (  # signing on someone's behalf, under a greeting from a place
            "Kerschbaumer Bau Karriere <do-not-reply@kerschbaumer-bau.example>",
            "Freundliche Grüße aus Rosenheim\r\n\r\ni. A. Tobias Wirth\r\nPersonalreferent\r\n"
            "Kerschbaumer Bau GmbH & Co. KG",
            "Tobias",
        ),
        (  # an office, then the person who holds it and signs
            "Marktgemeinde Hainfelden <gemeinde@hainfelden.example>",
            "Mit freundlichen Grüßen\r\nDer Bürgermeister\r\n\r\nManfred Wiesler",
            "Manfred",
        ),
        (  # an ATS relays the company's name, and the company signs with it
            "Papetière Boréale <pboreale@icims.com>",
            "Cordialement,\r\nService des ressources humaines\r\nPapetière Boréale",
            None,
        ),
        (
            "Nordlys Adventures <notifications@teamtailor-mail.com>",
            "Best wishes from Tromsø,\r\nIngrid, Ola & the Nordlys team",
            None,
        ),
        (  # an initial is no first name to greet
            "Steuerbüro Kaltenbach <steuerbuero.kaltenbach@webpost.example>",
            "MfG\r\nM. Kaltenbach\r\nSteuerbüro Kaltenbach",
            None,
        ),
        (
            "Sproutly <sproutly@teamtailor-mail.com>",
            "Alles Gute,\r\nDas Sproutly-Team\r\nSproutly · Spinnereistraße 7 · 04179 Leipzig",
            None,
        ),
        (  # one person, and her team's name with an "&" in it
            "Nordlys Adventures <notifications@teamtailor-mail.com>",
            "Best wishes,\r\nIngrid Larsen, Talent & Culture\r\nNordlys Adventures",
            "Ingrid",
        ),
        # the sender signs with a short form of the display name
        ("Marcus Lindqvist <marcus@harbourline.example>", "All the best,\r\nM.", "Marcus"),
        ("Anna Whitlock <anna@linnetsearch.example>", "Talk soon.\r\nAW", "Anna"),
        (
            "Raphael Inderbitzin <raphael@probenlabor.example>",
            "Gruss R. Inderbitzin\r\nProbenlabor Küssnacht",
            "Raphael",
        ),
        ("Sébastien Renard <seb@agenceboreal.example>", "À bientôt peut-être.\r\nS.", "Sébastien"),
        (  # the name used, in brackets after the initials, below an "on behalf of" line
            "A.M. van Houten <a.vanhouten@rijnhoeve.example>",
            "Hoogachtend,\r\nNamens de gemeentesecretaris,\r\nmr. drs. A.M. (Annelies) van Houten"
            "\r\nAfdelingshoofd Financiën",
            "Annelies",
        ),
        (  # two first names, as signed
            "Luis Fernando Castañeda Ruiz <lfcastaneda@alebrije.example>",
            "Saludos,\r\nLuis Fernando\r\n\r\nLuis Fernando Castañeda Ruiz\r\nDirector Comercial",
            "Luis Fernando",
        ),
        (
            "Atlántida Hoteles Talent <atlantidahoteles+autoreply@careers.icims.com>",
            "Un saludo / Kind regards,\r\n\r\nMaría José Cano\r\n\r\nTalent Acquisition",
            "María José",
        ),
        (  # the full first name signed under a short one shown
            "Liz Carver <e.carver@placeandwellbeing.example>",
            "Best wishes,\r\n\r\nElizabeth Carver\r\nProgramme Director",
            "Elizabeth",
        ),
        (
            "Nick Fry <nick.fry@penarthinterim.example>",
            "Kind regards,\r\nNicholas Fry\r\nManaging Consultant",
            "Nicholas",
        ),
        (  # "Sebastiaan (Bas) Verhoef" writing as Bas
            "Bas Verhoef <bas.verhoef@catharijne-it.example>",
            "Groet,\r\nBas\r\n\r\nSebastiaan (Bas) Verhoef\r\nRecruiter | Catharijne IT",
            "Sebastiaan",
        ),
        (  # "Tom" over his signature, sent through an ATS
            "Stellarguard Careers <careers-noreply@icims.com>",
            "Best,\r\nTom\r\n\r\nThomas Hargreaves\r\nSenior Recruiter\r\nStellarguard Insurance",
            "Thomas",
        ),
        (  # the full name on a signature line with his title and agency
            "Danny Walsh <danny.walsh@keelhealthcare.example>",
            "Danny\r\n\r\nDaniel Walsh | Recruitment Consultant | Keel Healthcare Recruitment",
            "Daniel",
        ),
        (  # ... and with letters after it
            "Rob Ellison <rob@ellisonschemists.example>",
            "Thanks,\r\nRob\r\n\r\nRobert Ellison MRPharmS\r\nSuperintendent Pharmacist",
            "Robert",
        ),
        (  # a Québec doctor: "Dre"
            "Clinique Saint-Roch <rh@cliniquestroch.example>",
            "Cordialement,\r\n\r\nDre Anne-Sophie Caron, m.v.\r\nDirectrice médicale",
            "Anne-Sophie",
        ),
        (  # his letters after his name, one with a bracket
            "Thomas Ferreira <tferreira@kwanferreira.com.au.example>",
            "Cheers,\r\nTom\r\n\r\nThomas Ferreira BEng(Civil) MIEAust CPEng NER RPEV\r\nDirector",
            "Thomas",
        ),
        (  # a professor
            "Prof. Mark Tebbutt <tebbuttm@severnside.ac.example>",
            "With best wishes,\r\n\r\nMark\r\n\r\nProfessor Mark Tebbutt\r\nSevernside University",
            "Mark",
        ),
        (  # a Welsh health board's name reads like a person's
            "NHS Wales Jobs <no-reply@jobs.nhswales-recruit.example>",
            "Diolch / Thank you,\r\nBwrdd Iechyd Prifysgol Caerhafren | Caerhafren University"
            " Health Board",
            None,
        ),
        (  # a sign-off in two languages
            "Ortler Kältetechnik <jobs@ortler-kaelte.recruitee.example>",
            "Freundliche Grüße / Cordiali saluti\r\n\r\nVerena Gamper\r\nPersonalverwaltung\r\n"
            "Ortler Kältetechnik GmbH/Srl\r\nTel. +39 0473 620 118\r\n\r\n"
            "Informationen zum Datenschutz finden Sie auf unserer Website.",
            "Verena",
        ),
        (  # greetings that close the last sentence
            "Dolomiten Personal <selezione@dolomiten-personal.example>",
            "Alles Gute für Ihren weiteren Weg und liebe Grüße aus Bozen\r\n\r\n"
            "Alexandra Mair\r\nPersonalberaterin\r\nDolomiten Personal GmbH/Srl\r\n"
            "Tel. +39 0471 053 880\r\n\r\nDiese Nachricht ist vertraulich.",
            "Alexandra",
        ),
        (  # a first name alone under a closing sentence of the writer's own
            "Maison Vervier <no-reply@teamtailor-mail.com>",
            "Au plaisir de vous accueillir dans une de nos boutiques,\r\nAurélie\r\n"
            "Responsable recrutement\r\nMaison Vervier · Rue de Namur 17 · Bruxelles",
            "Aurélie",
        ),
        (  # compound Spanish first names
            "Centro Médico Velázquez Salud <administracion@velazquezsalud.example>",
            "Un saludo,\r\n\r\nAna Belén Garrido\r\nGerente\r\nCentro Médico Velázquez Salud",
            "Ana Belén",
        ),
        (  # a one-line note signed at its foot: the greeting is not a name
            "Pilar Ortega <pilar.ortega@residencialosalmendros.example>",
            "Buenas Lucía, ya hemos cogido a otra persona. Gracias y suerte.\r\nPilar Ortega"
            " Campos | Directora Técnica | Residencia Los Almendros (Leganés) | 91 693 14 20",
            "Pilar",
        ),
        (  # a nickname signed above the full name
            "Steve Jenkins <stephen@gowerteaching.example>",
            "Cheers,\r\nSteve\r\n\r\nStephen Jenkins\r\nDirector\r\nGower Teaching Agency",
            "Stephen",
        ),
        (
            "Bec Harrington <bec@bluegumhealth.example>",
            "Bec\r\n\r\nRebecca Harrington\r\nSenior Consultant – Allied Health\r\nBluegum Health"
            " Recruitment",
            "Rebecca",
        ),
        (
            "Katherine Ellison <k.ellison@brookfield-ce.example>",
            "Best wishes,\r\nKate\r\nMrs Katherine Ellison\r\nDeputy Headteacher\r\nBrookfield"
            " Church of England Primary Academy",
            "Katherine",
        ),
        (
            "Pure Motion Physio <noreply@puremotion.jobs.personio.example>",
            "All the best,\r\nDan\r\n\r\nDaniel Metcalfe MCSP\r\nClinic Director\r\nPure Motion Physio",
            "Daniel",
        ),
        (  # initials, and the name used in brackets
            "Marco de Graaf <marco.degraaf@ozg-scholen.example>",
            "Met vriendelijke groet,\r\n\r\ndrs. M. (Marco) de Graaf\r\nVoorzitter"
            " benoemingsadviescommissie\r\nOZG Scholen",
            "Marco",
        ),
        (  # a Basque compound first name
            "Jon Ander Goikoetxea <jonander@lanberri.example>",
            "Ondo izan,\r\n\r\nJon Ander Goikoetxea Arrieta\r\nResponsable de Personas\r\nLanberri",
            "Jon Ander",
        ),
        (
            "José Vicente Martí Soler <jvmarti@olivar-colegio.example>",
            "Un saludo,\r\n\r\nJosé Vicente Martí Soler\r\nDirector\r\nColegio Nuestra Señora del Olivar",
            "José Vicente",
        ),
        (  # the surname first, as Chinese names are written: the address joins the given name
            "Tan Shu Fen <shufen.tan@castellanrhodes.example>",
            "Best regards,\r\n\r\nTan Shu Fen\r\nTalent Acquisition | Castellan Rhodes",
            "Shu Fen",
        ),
        (
            "Lim Hui Min <huimin.lim@eastwindbank.example>",
            "Best regards,\r\nHui Min\r\n\r\nLim Hui Min (Ms)\r\nSenior Manager, Talent"
            " Acquisition\r\nEastwind Bank",
            "Hui Min",
        ),
        (  # a title in brackets after the name, and her address only in the signature
            "Pemberton Kwan Recruitment <noreply@pembertonkwan.example>",
            "Best regards,\r\n\r\nGoh Li Ting (Ms)\r\nTalent Acquisition Specialist\r\n"
            "Pemberton Kwan\r\nT +65 6213 4477 | liting.goh@pembertonkwan.example",
            "Li Ting",
        ),
        (  # two words either way round: the name as written, its first word
            "Margrit Koller <koller.margrit@bluewin-mail.example>",
            "Schöne Grüsse\r\nMargrit Koller",
            "Margrit",
        ),
        (  # Ecuadorian titles and sign-offs
            "Administración Hacienda Los Arrayanes <administracion@haciendaarrayanes.example>",
            "Atentamente,\r\n\r\nLcda. Mónica Tufiño\r\nAdministración\r\nHacienda Los"
            " Arrayanes de Cayambe",
            "Mónica",
        ),
        (
            "Ing. Patricio Cárdenas <hosteriapasochoa@correo-ec.example>",
            "Atte.\r\nIng. Patricio Cárdenas\r\nAdministrador\r\nHostería Pasochoa Verde",
            "Patricio",
        ),
        (  # initials of a compound first name, then the name in full
            "Direction – Les Coteaux de la Meuse <direction@coteauxmeuse.example>",
            "Veuillez agréer, Madame, nos salutations distinguées.\r\n\r\nA.-F. Gilson\r\n\r\n"
            "Anne-Françoise Gilson\r\nDirectrice\r\nRésidence Les Coteaux de la Meuse",
            "Anne-Françoise",
        ),
        (  # a message through a network nobody knows by name, signed with the first name
            "Matthieu Chabert via Linkfolio <messages-noreply@linkfolio.example>",
            "Bonne continuation.\r\n\r\nMatthieu\r\n\r\nRépondre :"
            " https://www.linkfolio.example/messaging/thread/2-ZDk3YjE",
            "Matthieu",
        ),
        (  # a short name over the full one, the full one with her office after a dash
            "Veronika Grasegger <v.grasegger@zimmerei-grasegger.example>",
            "Viele Grüße\r\nVroni Grasegger\r\n\r\nZimmerei Grasegger GmbH & Co. KG\r\n"
            "Veronika Grasegger – Büro / Personal",
            "Veronika",
        ),
        (  # "LG", as a phone signs off, then the name in full under the signature rule
            "Hannes Obrist <hannes@obrist-holzdesign.example>",
            "LG\r\nHannes Obrist\r\n\r\n--\r\nJohannes Obrist\r\nTischlermeister\r\nObrist"
            " Holz & Design",
            "Johannes",
        ),
        (  # organisations and places sign, nobody in person
            "RehaAktiv Aachen <reha-aktiv-aachen@teamtailor-mail.com>",
            "Sportliche Grüße\r\nDein RehaAktiv-Team",
            None,
        ),
        (
            "Kestrel IT Services <notification@jobvite.com>",
            "Kestrel IT Services Recruiting Team\r\nLindora Business Center, Santa Ana, Costa Rica",
            None,
        ),
        (
            "Enlace Laboral Jalisco <no-reply@enlacelaboral.example>",
            "Atentamente\r\nEnlace Laboral Jalisco\r\nAgencia de Colocación y Servicios de"
            " Personal",
            None,
        ),
    ],
)
def test_who_signs_behind_titles_offices_and_teams(sender, signature, first_name):
    assert _signed(signature, sender).contact_first_name == first_name


def test_a_company_known_only_from_the_domain_is_spelt_as_the_text_spells_it():
    raw = (
        "From: Recrutement <recrutement@oceahabitat.example>\r\nSubject: Votre candidature\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        "Bonjour Julien,\r\n\r\nOcéa Habitat a étudié votre dossier avec attention. Nous avons"
        " retenu une autre candidature.\r\n\r\nService recrutement\r\n12 rue de la Paix\r\n"
        "75002 Paris\r\nTél. 01 23 45 67 89\r\nSuivez-nous sur les réseaux\r\n"
        "Mentions légales\r\nCe message est confidentiel.\r\nMerci de ne pas l'imprimer.\r\n"
    ).encode()
    assert extract(parse_email(raw)).company == "Océa Habitat"


@pytest.mark.parametrize(
    ("sender", "subject", "body", "company"),
    [
        (  # named in the subject too
            "Lakeshore Financial <lakeshorefinancial@taleo.net>",
            "Lakeshore Financial - Job Requisition 250117 QA Analyst",
            "Dear Jordan,\r\n\r\nWe have decided to pursue other candidates for this role.\r\n"
            "\r\nRegards,\r\nLakeshore Financial\r\nHuman Resources\r\n",
            "Lakeshore Financial",
        ),
        (  # named in the text too
            "Zuiderzee Zuivel <zuiderzeezuivel@jobvite.com>",
            "Sollicitatie Financieel Analist",
            "Hartelijk dank voor uw sollicitatie bij Zuiderzee Zuivel. Wij hebben gekozen voor"
            " kandidaten die beter aansluiten bij het profiel.\r\n\r\nMet vriendelijke groet,"
            "\r\nZuiderzee Zuivel\r\nRecruitment\r\n",
            "Zuiderzee Zuivel",
        ),
        (  # the display name shortens the name the subject and the signature write out
            "Gravenmoer Careers <careers-noreply@icims.com>",
            "Gravenmoer Chemicals: Application Status - Senior Financial Analyst",
            "Your candidacy is no longer under consideration. We appreciate your interest in"
            " Gravenmoer Chemicals.\r\n\r\nSincerely,\r\nGravenmoer Chemicals Human Resources\r\n",
            "Gravenmoer Chemicals",
        ),
        (  # named nowhere but in the display name and the one line that signs
            "Nordholz Verpackung <no-reply@recruitee.com>",
            "Ihre Bewerbung - Schichtleiter Produktion (m/w/d)",
            "Guten Tag Jonas Becker,\r\n\r\nleider können wir Sie in diesem Fall nicht"
            " berücksichtigen.\r\n\r\nFreundliche Grüße\r\nNordholz Verpackung",
            "Nordholz Verpackung",
        ),
        (  # words people are not named: Instruments, Services, Tech, Support, -spital
            "Orbis Tech Support <careers@orbistech.example>",
            "Orbis Tech Support - Your application",
            "Hello Andrea,\r\n\r\nWe regret to inform you that your application was not"
            " selected.\r\n\r\nRegards,\r\nOrbis Tech Support | Recruiting\r\nOficentro La"
            " Virgen, Pavas, San José\r\n",
            "Orbis Tech Support",
        ),
        (
            "Kantonsspital Dreiland | Personaldienst <no-reply@ksdreiland.example>",
            "Ihre Bewerbung: Laborant/in Klinische Chemie",
            "Sehr geehrte Frau Schwab\r\n\r\nWir müssen Ihnen mitteilen, dass wir Ihr Dossier"
            " nicht in die engere Auswahl einbeziehen konnten.\r\n\r\nFreundliche Grüsse\r\n"
            "\r\nKantonsspital Dreiland\r\nPersonaldienst / Rekrutierung\r\n",
            "Kantonsspital Dreiland",
        ),
        (
            "Redwood Instruments <careers@redwood-instruments.example>",
            "Your application to Quality Engineer",
            "Thank you for your interest in the Quality Engineer position. We will not be"
            " moving forward with your application.\r\n\r\nRegards,\r\nRedwood Instruments\r\n",
            "Redwood Instruments",
        ),
        (  # the organisation and its team in the display name
            "Cervecería Altamira – Talento <talento@altamira.example>",
            "Tu postulación a Supervisor Senior de Ventas",
            "Hola Diego,\r\n\r\n¡Gracias por aplicar a Cervecería Altamira! En esta ocasión, tu"
            " perfil no fue seleccionado para continuar.\r\n\r\n¡Salud por lo que viene!\r\n"
            "Equipo de Talento\r\nCervecería Altamira\r\n",
            "Cervecería Altamira",
        ),
    ],
)
def test_an_organisation_whose_name_reads_like_a_persons_is_no_contact(
    sender, subject, body, company
):
    """An organisation sending through an ATS signs as itself, not as a person."""
    raw = (
        f"From: {sender}\r\nSubject: {subject}\r\nContent-Type: text/plain; charset=utf-8\r\n"
        f"\r\n{body}"
    ).encode()
    facts = extract(parse_email(raw))
    assert (facts.contact_name, facts.company) == (None, company)


@pytest.mark.parametrize(
    ("sender", "signature", "company"),
    [
        ("Rob Kinsella <rob.kinsella@kinsellaprint.example>", "Rob", "Kinsella Print"),
        (  # the domain cuts the name short; the place after it is not the name
            "Gemma Castell <gemma.castell@crestline-rec.example>",
            "Happy holidays,\r\nGemma\r\n\r\n"
            "Gemma Castell | Senior Consultant | Crestline Recruitment Zurich",
            "Crestline Recruitment",
        ),
        (
            "<karen@brindleyplumbing.example>",
            "good luck with everything\r\n\r\nkaren\r\nbrindley plumbing & heating",
            "Brindley Plumbing & Heating",
        ),
        (
            "Lechtal Vermessung <office@lechtal-vermessung.example>",
            "Beste Grüße\r\nAnna Pichler\r\nLechtal Vermessung OG",
            "Lechtal Vermessung",
        ),
        (
            "Lena Vogt <lena@kiezkraft.example>",
            "Liebe Grüße\r\nLena Vogt\r\nCo-Founderin Kiezkraft",
            "Kiezkraft",
        ),
        (
            "Ing. Werner Pölzl <w.poelzl@poelzl-bau.example>",
            "Mit freundlichen Grüßen\r\nIng. Werner Pölzl\r\nPölzl Bau GmbH & Co KG",
            "Pölzl Bau",
        ),
        (
            "Mariana López <mlopez@logisticariachuelo.example>",
            "Saludos,\r\nMariana López\r\nAnalista de RRHH\r\nLogística Riachuelo S.R.L.",
            "Logística Riachuelo",
        ),
        (  # bilingual: the team, the legal form, the street
            "Personal <personal@eisacktaler-foerdertechnik.example>",
            "Freundliche Grüße / Cordiali saluti\r\n\r\nPersonalabteilung / Ufficio personale"
            "\r\nEisacktaler Fördertechnik GmbH/Srl\r\nJulius-Durst-Straße 12 / Via Julius Durst 12",
            "Eisacktaler Fördertechnik",
        ),
        (  # "Executive" is part of the name here, not a title
            "Charlotte Steinbauer <c.steinbauer@meridian-search.example>",
            "With kind regards,\r\n\r\nCharlotte Steinbauer\r\nPartner\r\n\r\n"
            "Meridian Executive Search\r\nKärntner Ring 5, 1010 Vienna",
            "Meridian Executive Search",
        ),
        (  # a German compound title
            "Johann Pöttler <j.poettler@poettler-landtechnik.example>",
            "Mit freundlichen Grüßen\r\nJohann Pöttler\r\nKonstruktionsleiter\r\n"
            "Pöttler Landtechnik GmbH & Co KG",
            "Pöttler Landtechnik",
        ),
        (  # a council's domain under .gov, its name in Welsh and English
            '"Rowlands, Paul" <paul.rowlands@caerwen.gov.example>',
            "Cofion / Regards,\r\nPaul Rowlands\r\nRheolwr Polisi Corfforaethol | Corporate Policy"
            " Manager\r\nCyngor Dinas Caerwen | Caerwen City Council\r\n029 2018 0911",
            "Caerwen City Council",
        ),
        (  # "The" before a name only the domain spells, in a signature set apart by blank lines
            "Joanna Whitfield <joanna.whitfield@lardertrust.example>",
            "Best wishes,\r\n\r\nJoanna\r\n\r\nJoanna Whitfield\r\n\r\nHead of Policy\r\n\r\n"
            "The Larder Trust",
            "The Larder Trust",
        ),
        (  # the domain inside the name the signature writes
            "Rob Ashworth <r.ashworth@fairplaces.example>",
            "Best,\r\nRob\r\n\r\nRobert Ashworth\r\nHead of Research\r\nCentre for Fair Places",
            "Centre for Fair Places",
        ),
        (  # the NHS writes the organisation in brackets after the name
            '"GALLACHER, Fiona (NHS PENNINE VALE ICB)" <fiona.gallacher@nhsmail.example>',
            "Kind regards,\r\nFiona",
            "NHS Pennine Vale ICB",
        ),
        (  # a Spanish temp agency's "ETT", a Danish "A/S"
            "Lucía Ferrer <lucia.ferrer@activaempleo.example>",
            "Un saludo,\r\nLucía Ferrer\r\nConsultora\r\nActiva Empleo ETT",
            "Activa Empleo",
        ),
        (
            "Mette Holm <mette.holm@vesterhavetwind.example>",
            "Best regards,\r\nMette Holm\r\nTalent Partner\r\nVesterhavet Wind A/S",
            "Vesterhavet Wind",
        ),
        (  # initials at the domain, the name in full in the signature
            "Bolsa de Empleo HU San Rafael <bolsaempleo@husanrafael.example>",
            "Atentamente,\r\nServicio de Recursos Humanos\r\nHospital Universitario San Rafael",
            "Hospital Universitario San Rafael",
        ),
        (  # an Australian company's domain; a street address in the signature
            "Rebecca Harding <rebecca.harding@cobblestonecivil.com.au.example>",
            "Cheers,\r\nBec\r\n\r\nRebecca Harding\r\nPeople & Culture Advisor\r\n"
            "Cobblestone Civil Pty Ltd\r\nM 0491 573 087\r\n19 Commercial Drive, Dandenong South",
            "Cobblestone Civil",
        ),
        (  # an industrial estate is an address, not the company
            "Hortensia Foods – RRHH <hortensia@jobvite.com>",
            "Recibe un cordial saludo,\r\n\r\nDepartamento de Recursos Humanos\r\n"
            "Hortensia Foods\r\nPolígono Industrial Fuente del Jarro – Paterna (Valencia)",
            "Hortensia Foods",
        ),
        (  # a ward, a unit or a department is not the organisation below it
            "Jorge Peralta <jorge.peralta@southmere-nhs.example>",
            "Best wishes,\r\nJorge\r\n\r\nJorge Peralta\r\nWard Manager – Ward 12 Respiratory\r\n"
            "Southmere University Hospitals NHS Foundation Trust\r\nExt 4120",
            "Southmere University Hospitals NHS Foundation Trust",
        ),
        (
            "Andrés Villalba <andres.villalba@hvalcazaba.example>",
            "Un saludo,\r\n\r\nAndrés Villalba Ortega\r\nSupervisor de Enfermería – UCI"
            " Pediátrica\r\nHospital Universitario Virgen de la Alcazaba",
            "Hospital Universitario Virgen de la Alcazaba",
        ),
        (
            "Inmaculada Reyes <ireyes@hcvegaalta.example>",
            "Un saludo,\r\nInma\r\nInmaculada Reyes Toro\r\nUnidad de Selección y"
            " Contratación\r\nHospital Comarcal de la Vega Alta",
            "Hospital Comarcal de la Vega Alta",
        ),
        (  # the recruitment team's word before the name
            "Recruitment Ziekenhuis Nieuwe Maas <werving@znm.example>",
            "Met vriendelijke groet,\r\n\r\nTeam Recruitment",
            "Ziekenhuis Nieuwe Maas",
        ),
        (  # a school "in Wales", below the head's title
            "Huw Prosser <head@llanfechan-cinw.example>",
            "Diolch,\r\nHuw Prosser\r\nHeadteacher\r\nLlanfechan Church in Wales Primary School",
            "Llanfechan Church in Wales Primary School",
        ),
        (  # a job board sends the trust's notice
            "NHS Jobs <no-reply@notifications.nhsjobs.example>",
            "Kind regards,\r\n\r\nRecruitment Team\r\nAire Valley Teaching Hospitals NHS Trust\r\nThis"
            " is an automated"
            " message sent via NHS Jobs.",
            "Aire Valley Teaching Hospitals NHS Trust",
        ),
        (
            "NHS Jobs <no-reply@notifications.nhsjobs.example>",
            "Organisation: Five Towns Hospitals NHS Trust\r\n\r\nNHS Jobs",
            "Five Towns Hospitals NHS Trust",
        ),
        (  # a department and an automatic footer are not the organisation
            "Véronique Lagache <v.lagache@ch-cotedopale.example>",
            "Véronique Lagache\r\nDirection des Ressources Humaines et des Affaires"
            " Médicales\r\nCentre Hospitalier Côte d'Opale",
            "Centre Hospitalier Côte d'Opale",
        ),
        (
            "CHU Flandre-Artois <ne-pas-repondre@chu-flandre-artois.example>",
            "La Direction des Ressources Humaines\r\nCe message est généré automatiquement.",
            "CHU Flandre-Artois",
        ),
        (  # French, Irish and Québec closings above the signature
            "Olivier Marchetti <o.marchetti@charbonnieres-les-vignes.example>",
            "Je vous remercie pour votre démarche et vous prie d'agréer, Madame, mes\r\nsalutations"
            " distinguées.\r\n\r\nOlivier Marchetti\r\nDirecteur général des services\r\nMairie de"
            " Charbonnières-les-Vignes",
            "Mairie de Charbonnières-les-Vignes",
        ),
        (
            '"Hayes, Noreen" <noreen.hayes@bantrybaych.example>',
            "Le gach dea-ghuí,\r\nNoreen Hayes\r\nAdministrator\r\nBantry Bay Community Hospital",
            "Bantry Bay Community Hospital",
        ),
        (
            "Hélène Bélanger <hbelanger@belangertremblay.example>",
            "Veuillez agréer, Madame, l’expression de nos sentiments distingués.\r\n\r\nHélène"
            " Bélanger, FCPA\r\nAssociée\r\nBélanger Tremblay s.e.n.c.r.l.\r\nComptables"
            " professionnels agréés",
            "Bélanger Tremblay",
        ),
        (  # a shared recruitment service sends the trust's notice
            "HSC Recruitment <donotreply@hscrecruit.example>",
            "Kind regards,\r\n\r\nRecruitment Shared Services Centre\r\nOn behalf of Sperrin Health and"
            " Social Care Trust",
            "Sperrin Health and Social Care Trust",
        ),
        (  # a cooperative's legal form; a section head's title is not the employer
            "Gizalan <seleccion@gizalan.example>",
            "Un saludo,\r\n\r\nMaite Uriarte\r\nJefa de Sección de Selección\r\nGizalan S. Coop.",
            "Gizalan",
        ),
        (  # a council named in Basque and Spanish
            "Urbeltzako Udala / Ayuntamiento de Urbeltza <pertsonala@urbeltza.example>",
            "Atentamente,\r\n\r\nSecretaría General",
            "Ayuntamiento de Urbeltza",
        ),
        (  # the whole name, where the display name gives only its last word
            "Portal de Empleo Sandoval <no-responder@sandoval-construcciones.example>",
            "Un cordial saludo,\r\n\r\nDepartamento de Recursos Humanos\r\nConstrucciones Hermanos"
            " Sandoval, S.A.\r\n\r\nResponsable del tratamiento: Construcciones Hermanos Sandoval, S.A.",
            "Construcciones Hermanos Sandoval",
        ),
        (  # an office's word before the name, a portal's after it, a place in brackets
            "Personalamt Stadt Brühlingen <personalamt@bruehlingen.example>",
            "Mit freundlichen Grüßen\r\n\r\nIhr Personalamt",
            "Stadt Brühlingen",
        ),
        (
            "Stadtwerke Elzheim Karriereportal <noreply@karriere.stadtwerke-elzheim.example>",
            "Freundliche Grüße\r\n\r\nIhr Recruiting-Team",
            "Stadtwerke Elzheim",
        ),
        (
            "Colegio Las Salinas (Santa Pola) <rrhh@colegiolassalinas.example>",
            "Un saludo,\r\n\r\nDepartamento de Recursos Humanos",
            "Colegio Las Salinas",
        ),
        (  # a person's name, then her council's
            "Inma Roig - Ajuntament de Vilanova del Túria <iroig@vilanovadelturia.example>",
            "Salutacions,\r\n\r\nInma",
            "Ajuntament de Vilanova del Túria",
        ),
        (  # a palliative care unit signs above its hospital
            "Valérie Perrin <v.perrin@hopital-hautlac.example>",
            "Meilleures salutations,\r\n\r\nValérie Perrin\r\nInfirmière cheffe\r\nUnité de soins"
            " palliatifs\r\nHôpital du Haut-Lac",
            "Hôpital du Haut-Lac",
        ),
        (  # Luxembourg's legal form, spaced out
            "Marie Thill <m.thill@sauer-capital.example>",
            "Bien à vous,\r\nMarie Thill\r\nChargée de recrutement\r\n"
            "Sauer Capital Services S.à r.l.",
            "Sauer Capital Services",
        ),
        (  # ... and a German association's
            "Jana Roth <j.roth@pflegeverbund-rheinaue.example>",
            "Viele Grüße\r\nJana Roth\r\nPersonalreferentin\r\nPflegeverbund Rheinaue e. V.",
            "Pflegeverbund Rheinaue",
        ),
        (  # Costa Rica's "R.L."
            "Marco Solano <msolano@coopevalle.example>",
            "Saludos cordiales,\r\nMarco Solano\r\nJefe de Recursos Humanos\r\n"
            "Coope Valle Norte R.L.",
            "Coope Valle Norte",
        ),
        (  # "Werken bij" is the careers site, not the firm
            "Van Dijk Machinebouw | Werken bij <noreply@werkenbij-vandijk.example>",
            "Met vriendelijke groet,\r\n\r\nAfdeling HRM\r\nVan Dijk Machinebouw B.V.\r\n"
            "Achtseweg Noord 12 | 5651 GG Eindhoven",
            "Van Dijk Machinebouw",
        ),
        (  # a team leader's title is not the council
            "Aroha Tane <aroha.tane@porttarrant.example>",
            "Ngā mihi,\r\nAroha Tane\r\nTeam Leader Stormwater Operations\r\n"
            "Port Tarrant City Council",
            "Port Tarrant City Council",
        ),
        (  # under the HR director's title, the organisation the domain names, not a person
            "Direction des Ressources Humaines <recrutement@atlasnord.example>",
            "Veuillez agréer, Monsieur, l'expression de nos salutations distinguées.\r\n\r\n"
            "Le Directeur des Ressources Humaines\r\nAtlas Nord Exploitation\r\n"
            "Port de Tanger Ville - Avenue Mohammed VI, Tanger",
            "Atlas Nord Exploitation",
        ),
        (  # the pharmacist's title is not the pharmacy
            "Schwanen-Apotheke <schwanen-apotheke@t-mail-lahr.example>",
            "Mit freundlichen Grüßen\r\n\r\nDr. Klaus Rosner\r\nApotheker\r\nSchwanen-Apotheke\r\n"
            "Kinzigallee 4 · 77933 Lahr",
            "Schwanen-Apotheke",
        ),
        (
            "Tessera Search <careers@tesserasearch.example>",
            "Regards,\r\n\r\nTessera Search Pte. Ltd.\r\nEA Licence No. 19C1234",
            "Tessera Search",
        ),
        (
            "Wayra Expediciones <rrhh@wayra-expediciones.example>",
            "Saludos,\r\n\r\nRecursos Humanos\r\nWayra Expediciones E.I.R.L.",
            "Wayra Expediciones",
        ),
        (  # a hotel's stars are no part of its name
            "Le Royal Castel <recrutement@royalcastel.example>",
            "Cordialement,\r\n\r\nService du personnel\r\nLe Royal Castel ★★★★★",
            "Le Royal Castel",
        ),
        (  # words of the name in the domain, in another order, over the address below it
            "Marie-Laure Castellani <ml.castellani@lacydon-lignes.example>",
            "Bien cordialement,\r\n\r\nMarie-Laure Castellani\r\nDirectrice des Ressources"
            " Humaines\r\nLignes Maritimes du Lacydon\r\nTerminal Maritime du Cap Janet - 13015"
            " Marseille",
            "Lignes Maritimes du Lacydon",
        ),
        (
            "Marc Henrard <marc.henrard@kine-henrard.example>",
            "Cordialement,\r\n\r\nMarc Henrard\r\nKinésithérapeute\r\nCabinet de kinésithérapie"
            " Henrard – Herstal\r\n04 264 18 30",
            "Cabinet de kinésithérapie Henrard",
        ),
    ],
)
def test_the_company_behind_short_domains_and_legal_forms(sender, signature, company):
    assert _signed(signature, sender).company == company


@pytest.mark.parametrize(
    ("sender", "company", "contact"),
    [  # a job board passing the employer's mail on; a recruiter sending through her agency
        ("Delta Retail vía HiringPampa <no-reply@hiringpampa.example>", "Delta Retail", None),
        (
            "Lauren Becker via Meridian Staffing <noreply@meridianstaffing.example>",
            "Meridian Staffing",
            "Lauren Becker",
        ),
    ],
)
def test_who_passes_the_mail_on_is_not_the_employer(sender, company, contact):
    signature = "Best regards,\r\nLauren Becker\r\nTechnical Recruiter, Meridian Staffing"
    raw = (
        f"From: {sender}\r\nSubject: Your application\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\nHi Jordan,\r\n\r\n"
        "We have decided not to move forward with your application. HiringPampa keeps your"
        " profile; search HiringPampa for similar roles.\r\n\r\n"
        + (signature if contact else "Delta Retail")
        + "\r\n"
    ).encode()
    facts = extract(parse_email(raw))
    assert (facts.company, facts.contact_name) == (company, contact)


@pytest.mark.parametrize(
    ("sender", "signature", "company"),
    [  # institutes write from their initials and sign with their name in full
        (
            "IIBM Recursos Humanos <rrhh@iibm.example>",
            "Un saludo,\r\n\r\nInstituto de Investigación Biomédica del Mediterráneo",
            "Instituto de Investigación Biomédica del Mediterráneo",
        ),
        (
            "Dr. Ignacio Vera <ivera@fib-hla.example>",
            "Atentamente,\r\n\r\nDr. Ignacio Vera\r\nDirector Científico\r\nFundación para la"
            " Investigación Biomédica del Hospital La Alameda (FIB-HLA)",
            "Fundación para la Investigación Biomédica del Hospital La Alameda",
        ),
        (
            "CEGM <seleccio@cegm.example>",
            "Salutacions,\r\n\r\nComissió de selecció\r\nCentre d'Estudis Genòmics del Maresme",
            "Centre d'Estudis Genòmics del Maresme",
        ),
        (  # initials nobody spells out stay initials
            "AICR Careers <careers@aicr.example>",
            "Kind regards,\r\n\r\nThe AICR Recruitment Team",
            "AICR",
        ),
    ],
)
def test_initials_are_the_name_the_text_spells_out(sender, signature, company):
    assert _signed(signature, sender).company == company


@pytest.mark.parametrize(
    ("sender", "signature", "company", "contact"),
    [
        (  # a sign-off no list held, then the signer and her network
            "Émilie Bergeron <emilie.bergeron.cisshf@ssss-qc.example>",
            "Bonne fin de journée,\r\n\r\nÉmilie Bergeron\r\nAgente de gestion du personnel –"
            " Dotation\r\nDirection des ressources humaines\r\nCISSS du Haut-Fleuve\r\n418 555-0139,"
            " poste 40218",
            "CISSS du Haut-Fleuve",
            "Émilie Bergeron",
        ),
        (  # the closing formula ends a long sentence
            "Nicole Chappuis <n.chappuis@lescerisiers-ems.example>",
            "Nous vous souhaitons plein succès dans la suite de vos démarches et vous prions"
            " d'agréer, Madame, nos salutations distinguées.\r\n\r\nNicole Chappuis\r\nResponsable"
            " des ressources humaines\r\n\r\nFondation Les Cerisiers\r\nAvenue de Corsier 21",
            "Fondation Les Cerisiers",
            "Nicole Chappuis",
        ),
        (  # a title above the name, as a French administration signs
            "ARS Nord-Littoral <recrutement@ars-nordlittoral.example>",
            "Veuillez agréer, Madame, l'expression de mes salutations distinguées.\r\n\r\nPour le"
            " Directeur général et par délégation,\r\nLa Directrice des ressources humaines\r\n\r\n"
            "Hélène Marchal\r\n\r\nARS Nord-Littoral",
            "ARS Nord-Littoral",
            "Hélène Marchal",
        ),
        (  # a research group and a faculty above the university
            "Lucía Herrera <lherrera@ucastrovega.example>",
            "Mucho ánimo con la búsqueda y un abrazo grande,\r\n\r\nLucía\r\n\r\n--\r\nDra. Lucía"
            " Herrera Quintana\r\nProfesora Titular de Genética\r\nGrupo de Epigenética del Cáncer"
            "\r\nUniversidad de Castrovega",
            "Universidad de Castrovega",
            "Lucía Herrera Quintana",
        ),
        (  # a law firm without its "Rechtsanwälte PartG mbB"
            "Dr. Jan Stolberg <j.stolberg@stolberg-winkler.example>",
            "Mit freundlichen Grüßen\r\n\r\nDr. Jan Stolberg\r\nRechtsanwalt | Partner\r\n"
            "Stolberg Winkler Rechtsanwälte PartG mbB\r\nPartnerschaftsregister: Amtsgericht"
            " Frankfurt am Main PR 2841",
            "Stolberg Winkler",
            "Jan Stolberg",
        ),
        (  # a recruiter writing through Indeed, whose relay address hides her name
            "Kara Lindqvist via Indeed <kara-lindqvist-3f9k2a7c@indeedemail.example>",
            "Best of luck in your search,\r\nKara Lindqvist\r\nHR Manager, Olentangy Plastics",
            "Olentangy Plastics",
            "Kara Lindqvist",
        ),
        (  # a domain that writes Packaging as "pkg"
            "Gary Whitlock <gwhitlock@pioneerpkg.example>",
            "Thanks again, and best of luck - somebody's going to get a good supervisor.\r\n\r\n"
            "Gary Whitlock\r\nPlant Manager\r\nPioneer Packaging - Groveport Plant",
            "Pioneer Packaging",
            "Gary Whitlock",
        ),
        (  # initials above the full name
            "Direction EHPAD Les Tilleuls <direction@ehpad-lestilleuls.example>",
            "Cordialement,\r\n\r\nMC Vandewalle\r\n\r\n--\r\nMarie-Christine Vandewalle\r\n"
            "Directrice\r\nEHPAD Les Tilleuls",
            "EHPAD Les Tilleuls",
            "Marie-Christine Vandewalle",
        ),
        (  # "SURNAME, First (ORGANISATION)", signing with a nickname
            "HOLLOWAY, Rebecca (NORTHMOOR TEACHING HOSPITALS NHS FOUNDATION TRUST)"
            " <rebecca.holloway3@nhsmail.example>",
            "Becky\r\n\r\nRebecca Holloway\r\nInternational Nurse Recruitment Lead\r\n"
            "Northmoor Teaching Hospitals NHS Foundation Trust",
            "Northmoor Teaching Hospitals NHS Foundation Trust",
            "Rebecca Holloway",
        ),
        (  # her programme after her title; her centre's initials in the domain
            "Isabelle Thibodeau <isabelle.thibodeau@crlephare.example>",
            "Au plaisir,\r\n\r\nIsabelle Thibodeau, erg., M. Sc.\r\nCheffe de programme –"
            " Déficience motrice adulte\r\nCentre de réadaptation Le Phare\r\n418 555-0122,"
            " poste 5120",
            "Centre de réadaptation Le Phare",
            "Isabelle Thibodeau",
        ),
        (  # "Est" in a name is no French verb
            "Olivier Dumoulin <olivier.dumoulin@ch-chablais-est.example>",
            "Je vous adresse, Madame, mes meilleures salutations.\r\n\r\nOlivier Dumoulin\r\n"
            "Chef du Service d'ergothérapie\r\nCentre hospitalier du Chablais-Est\r\nRoute de"
            " l'Hôpital 8, 1870 Monthey",
            "Centre hospitalier du Chablais-Est",
            "Olivier Dumoulin",
        ),
        (  # the company, then its team, in the display name
            "La Prévoyance Boréale – Acquisition de talents <prevoyanceboreale@taleo.net>",
            "Nous vous remercions de l'intérêt que vous portez à La Prévoyance Boréale.\r\n\r\n"
            "Acquisition de talents\r\nLa Prévoyance Boréale",
            "La Prévoyance Boréale",
            None,
        ),
        (  # "Thanks & Regards", then a Gulf company's legal form
            "Reem Haddad <reem.haddad@saffron-exec.example>",
            "Thanks & Regards,\r\n\r\nReem Haddad\r\nHR Officer\r\nSaffron Executive Aviation"
            " W.L.L.\r\nBahrain International Airport, Kingdom of Bahrain",
            "Saffron Executive Aviation",
            "Reem Haddad",
        ),
        (  # an agency's name is no person's; a domain of the words' first letters
            "Orion Aviation Crewing <crewing@orionavcrew.example>",
            "Regards,\r\n\r\nTomasz Wiśniewski\r\nCrewing Coordinator\r\nOrion Aviation Crewing",
            "Orion Aviation Crewing",
            "Tomasz Wiśniewski",
        ),
        (  # signed with the first name alone, under a last sentence
            "Luca Bernasconi <luca@zincdespaquis.example>",
            "Si tu passes aux Pâquis, l'apéro est pour nous.\r\n\r\nLuca\r\n\r\nLe Zinc des"
            " Pâquis\r\nRue de Berne 21 – 1201 Genève",
            "Le Zinc des Pâquis",
            "Luca Bernasconi",
        ),
        (  # a person, then the bistro her domain spells
            "Stéphanie Rey – Les Gones <recrutement@lesgones-bistrot.example>",
            "Bonne chance pour la suite !\r\n\r\nSteph\r\n\r\nLes Gones – bistrot & brunch\r\n"
            "Lyon 1er",
            "Les Gones",
            "Stéphanie Rey",
        ),
        (  # an Irish sign-off, and a street is nobody
            "Claddagh Technical Recruitment <jobs@claddaghtech.example>",
            "Go raibh maith agat,\r\n\r\nEoghan Kiely\r\nRecruitment Consultant\r\nCladdagh"
            " Technical Recruitment\r\nDock Road, Galway",
            "Claddagh Technical Recruitment",
            "Eoghan Kiely",
        ),
        (  # a driver's nickname under a plain "Gruß"
            "Oliver Gehrmann <o.gehrmann@gehrmann-transporte.example>",
            "Gruß Olli\r\n\r\nVon meinem iPhone gesendet",
            "Gehrmann Transporte",
            "Oliver Gehrmann",
        ),
        (  # the register's seat and court are no company; AöR, GmbH are legal forms
            "Westfalia Stückgut Karriere <noreply@westfalia-stueckgut.example>",
            "Mit freundlichen Grüßen\r\n\r\nWestfalia Stückgut\r\nPersonalmarketing &"
            " Recruiting\r\nWestfalia Stückgut GmbH, Sitz Dortmund, Registergericht Dortmund HRB"
            " 22918",
            "Westfalia Stückgut",
            None,
        ),
        (  # "Bill" is William
            "William Harlan <bill@buckeyepallet.example>",
            "Bill Harlan\r\nOwner, Buckeye Pallet & Crate\r\n(740) 555-0112",
            "Buckeye Pallet & Crate",
            "William Harlan",
        ),
    ],
)
def test_who_signs_and_for_whom_after_the_closing_words(sender, signature, company, contact):
    facts = _signed(signature, sender)
    assert (facts.company, facts.contact_name) == (company, contact)


def _facts(sender: str, subject: str, body: str):
    raw = (
        f"From: {sender}\r\nSubject: {subject}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        f"{body}\r\n"
    ).encode()
    return extract(parse_email(raw))


def _written(sender: str, subject: str, body: str) -> str | None:
    return _facts(sender, subject, body).company


@pytest.mark.parametrize(
    ("sender", "body", "company"),
    [  # where the name only the domain gives is written out
        (  # under a forwarded note
            "Kate Brennan <kate.brennan@orbitmobile.example>",
            "Hi Oliver,\r\n\r\nSharing Daniel's note.\r\n\r\nKate\r\n\r\n"
            "---------- Forwarded message ---------\r\nFrom: Daniel Webb"
            " <daniel.webb@orbitmobile.example>\r\n\r\nWe're going to pass on Oliver for the Art"
            " Director role.\r\n\r\n--\r\nKate Brennan\r\nTalent Acquisition Lead | Orbit Mobile",
            "Orbit Mobile",
        ),
        (  # in the user's own question, quoted below
            "Pieter De Smet <pieter.desmet@netwerknoord.example>",
            "Lotte,\r\n\r\nZe zijn uiteindelijk voor een interne kandidaat gegaan.\r\n\r\nPieter"
            "\r\n\r\n> Op 12 mei 2025 heeft Lotte Peeters het volgende geschreven:\r\n>\r\n> Dag"
            " Pieter, weet jij al iets meer over de vacature bij Netwerk Noord?",
            "Netwerk Noord",
        ),
        (  # after "de", with "del" inside
            "Pilar Menéndez <pilar.menendez@hospederiasdelnorte.example>",
            "Hola Pablo,\r\n\r\nTe escribo desde Hospederías del Norte: hemos elegido a otra"
            " persona para el puesto.",
            "Hospederías del Norte",
        ),
        (
            "Carla Zevallos <czevallos@clinicasanborja.example>",
            "Buenas tardes, Ximena.\r\n\r\nTe saluda Carla Zevallos, del área de Gestión Humana de"
            " Clínica San Borja. No vas a continuar en el proceso.",
            "Clínica San Borja",
        ),
        (  # written by someone who does not capitalise
            "Dave Kowalczyk <dave@summitformwork.example>",
            "hi stefan. thanks for applying to summit formwork. position is gone, sorry!!",
            "Summit Formwork",
        ),
        (  # a domain leaves out the "del" of the name
            "Marta Sancho <marta.sancho@aceroshuerva.example>",
            "Hola Pablo:\r\n\r\nHemos cubierto el puesto.\r\n\r\nUn saludo,\r\nMarta Sancho\r\n"
            "Responsable de Personas\r\nACEROS DEL HUERVA, S.A.",
            "Aceros del Huerva",
        ),
    ],
)
def test_a_domain_run_together_is_the_name_the_mail_writes_out(sender, body, company):
    assert _written(sender, "Re: your application", body) == company


@pytest.mark.parametrize(
    ("sender", "body", "company"),
    [  # job boards passing on the employer's decision under their own name
        (
            "Vacantes Ya <noreply@vacantesya.example>",
            "Hola Mariana,\r\n\r\nLa empresa Moda Tepeyac revisó tu CV para la vacante Ejecutiva"
            " de Social Media y decidió no continuar con tu postulación.\r\n\r\n--\r\nRecibes este"
            " correo porque te postulaste a través de Vacantes Ya.",
            "Moda Tepeyac",
        ),
        (
            "EmploiResto <noreply@emploiresto.example>",
            "Bonjour Julien,\r\n\r\nLe recruteur Ô Quai de Saône a mis à jour le statut de votre"
            " candidature.\r\n\r\nStatut : Candidature non retenue\r\n\r\nL'équipe EmploiResto",
            "Ô Quai de Saône",
        ),
        (
            "JobHarbour <no-reply@jobharbour.example>",
            "Hi Sam,\r\n\r\nHollins Retail has reviewed your application for Commercial Data"
            " Analyst and decided not to proceed.\r\n\r\nThe JobHarbour team",
            "Hollins Retail",
        ),
        (
            "Civil Service Jobs <noreply@civilservicejobs.example>",
            "Dear Lukas,\r\n\r\nVacancy: Finance Business Partner\r\nDepartment: Department for"
            " Regional Infrastructure\r\n\r\nUnfortunately, we will not be progressing your"
            " application.\r\n\r\nCivil Service Jobs",
            "Department for Regional Infrastructure",
        ),
        (
            "Healthcare Careers <noreply@healthcareers-portal.example>",
            "Dear Oliver,\r\n\r\nEmployer: Riverside Community Health Trust\r\n\r\nYou have not"
            " been shortlisted for interview.",
            "Riverside Community Health Trust",
        ),
        (  # the name wraps onto the next line, in capitals
            "Chambeando <noreply@chambeando.example>",
            "Estimada Constanza:\r\n\r\nEl proceso para el cargo publicado por\r\nCLINICA"
            " SANTA ROSA ha finalizado. Estado de tu postulación: NO SELECCIONADA",
            "Clinica Santa Rosa",
        ),
        (
            "Curro.uy <no-reply@curro.example>",
            "Hola Martina:\r\n\r\nTe informamos que Pampa Soft finalizó el proceso de selección."
            " En esta oportunidad tu postulación no fue seleccionada.",
            "Pampa Soft",
        ),
        (
            "Boomerang Trabajos <noreply@boomerang.example>",
            "Tu postulación al aviso Analista de Datos de Almacenes del Sur cambió de estado."
            "\r\nEstado actual: Descartada por la empresa",
            "Almacenes del Sur",
        ),
        (  # a professional network's notice, under its own name and domain
            "ProLink <jobs-noreply@prolink.example>",
            "Your update from Redwood Instruments\r\n\r\nQuality Engineer\r\nRedwood"
            " Instruments · Guadalajara\r\n\r\nUnfortunately, Redwood Instruments will not be"
            " moving forward with your application.\r\n\r\nTop jobs for you\r\nSMT Engineer -"
            " Tamarack Electronics\r\n\r\n© 2025 ProLink Corporation. Unsubscribe",
            "Redwood Instruments",
        ),
        (
            "Copperhead Gas Services via HireBoard <noreply@hireboard.example>",
            "Copperhead Gas Services sent you a message about your application\r\n\r\n"
            "We have decided to move forward with other candidates.\r\n\r\nYou received this"
            " message because you applied to a job on HireBoard.",
            "Copperhead Gas Services",
        ),
        (  # a board nobody knows by name says the application went through it
            "Jobsteig <noreply@jobsteig.example>",
            "Hallo Florian Pichler,\r\n\r\nes gibt Neuigkeiten zu Ihrer Bewerbung über"
            " Jobsteig bei Dornbacher Fördertechnik:\r\n\r\nLeider haben wir uns für andere"
            " Bewerber entschieden.\r\n\r\nIhr Jobsteig-Team",
            "Dornbacher Fördertechnik",
        ),
        (
            "VacantesMX <notificaciones@vacantesmx.example>",
            "Hola Fernanda,\r\n\r\nLa empresa Santa Anita Electrónica actualizó el estado de tu"
            " postulación.\r\n\r\nEstado: No seleccionado\r\n\r\nRecibes este correo porque"
            " te postulaste a una vacante en VacantesMX.",
            "Santa Anita Electrónica",
        ),
        (
            "CareerFuture SG <no-reply@careerfuture-sg.example>",
            "Dear Wei Ling Tan,\r\n\r\nJob title: Transaction Monitoring Officer\r\nCompany: Lion"
            " City Commercial Bank\r\nStatus: Unsuccessful\r\n\r\nYou may continue to browse"
            " and apply for other jobs on CareerFuture SG.\r\n\r\nThank you,\r\nCareerFuture SG",
            "Lion City Commercial Bank",
        ),
        (
            "Indexo <noreply@indexo-mail.example>",
            "Bonjour Julien,\r\n\r\nFrontignan Cargo Services a examiné votre candidature et a"
            " décidé de ne pas poursuivre avec votre profil.\r\n\r\n(c) 2024 Indexo",
            "Frontignan Cargo Services",
        ),
        (  # an elided article inside the name
            "TafOuest <ne-pas-repondre@tafouest.example>",
            "Bonjour Maëlle,\r\n\r\nPain d'Armor a répondu à votre candidature.\r\n\r\n"
            "Statut : non retenue\r\n\r\nL'équipe TafOuest",
            "Pain d'Armor",
        ),
        (  # in capitals, after the board's words
            "France Emploi Services <ne-pas-repondre@francemploi.example>",
            "Vous avez postulé à l'offre « Déclarant en douane » proposée par l'entreprise"
            " PROVENCE DÉCLARATIONS (Marseille 2e).\r\n\r\nL'entreprise a étudié votre candidature et ne"
            " l'a pas retenue.",
            "Provence Déclarations",
        ),
        (  # a legal form first
            "HelloWork <noreply@hellowork.example>",
            "Vous avez postulé à l'offre « Comptable Unique » de SARL Bâtisseurs du Sud.\r\n\r\n"
            "Le recruteur n'a pas souhaité y donner suite.\r\n\r\nL'équipe HelloWork",
            "Bâtisseurs du Sud",
        ),
        (  # the employer's corner of a platform nobody knows by name
            "Massilia Forwarding - Recrutement"
            " <ne-pas-repondre@massilia-forwarding.recrutor.example>",
            "Nous sommes au regret de vous informer que votre candidature n'a pas été retenue."
            "\r\n\r\nLe Service Ressources Humaines\r\nMassilia Forwarding\r\n\r\nCe message a"
            " été envoyé depuis la plateforme Recrutor.",
            "Massilia Forwarding",
        ),
    ],
)
def test_a_job_board_passing_a_decision_on_names_the_employer(sender, body, company):
    assert _written(sender, "Update on your application", body) == company


@pytest.mark.parametrize(
    ("sender", "board", "company", "first_name"),
    [  # "X via Board" from a no-reply address: an employer, or a recruiter and her firm
        ("Velocar via JOIN <noreply@join.com>", "JOIN", "Velocar", None),
        ("Apotheek Lent via JOIN <no-reply@join.com>", "JOIN", "Apotheek Lent", None),
        (
            "Dulces La Alameda vía Hireo <no-reply@hireo.example>",
            "Hireo",
            "Dulces La Alameda",
            None,
        ),
        (
            "Lauren Becker via Meridian Staffing <noreply@meridianstaffing.example>",
            "Meridian Staffing",
            "Meridian Staffing",
            "Lauren",
        ),
    ],
)
def test_an_employer_through_a_job_board_is_the_company_and_nobody_signs(
    sender, board, company, first_name
):
    signer = "Lauren Becker\r\nTechnical Recruiter, Meridian Staffing" if first_name else company
    raw = (
        f"From: {sender}\r\nSubject: Update on your application\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\nHi Eva,\r\n\r\n"
        "Thank you for your application. We have decided not to move forward with it.\r\n\r\n"
        f"Kind regards,\r\n{signer}\r\n\r\nSent through {board}\r\n"
    ).encode()
    facts = extract(parse_email(raw))
    assert (facts.company, facts.contact_first_name) == (company, first_name)


@pytest.mark.parametrize(
    ("sender", "headline", "company"),
    [  # a recruiter's message through a network the code does not know by name
        (
            "Jake Morrison via ProLink <messages-noreply@prolink.example>",
            "Senior Technical Recruiter at Stratus EMS",
            "Stratus EMS",
        ),
        (
            "Nicolás Ferrer vía Perfila <messages-noreply@perfila.example>",
            "Technical Recruiter en Arroyo Seco Software",
            "Arroyo Seco Software",
        ),
        (
            "Matthieu Chabert via Linkfolio <messages-noreply@linkfolio.example>",
            "Responsable Technique chez Cimalp Automation",
            "Cimalp Automation",
        ),
    ],
)
def test_a_message_through_a_network_names_the_writers_employer(sender, headline, company):
    writer = sender.split(" v")[0]
    network = sender.split()[-2]
    raw = (
        f"From: {sender}\r\nSubject: {writer.split()[0]} sent you a message\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        f"{writer}\r\n{headline}\r\n\r\nHi Eva, the team decided to go with another"
        " candidate. Sorry it didn't work out this time.\r\n\r\nReply on"
        f" {network}\r\n\r\n© 2025 {network} Ireland Unlimited Company\r\n"
    ).encode()
    facts = extract(parse_email(raw))
    assert (facts.company, facts.contact_name) == (company, writer)


def _note(sender: str, subject: str, body: str):
    raw = (
        f"From: {sender}\r\nSubject: {subject}\r\nContent-Type: text/plain; charset=utf-8\r\n"
        f"\r\n{body}\n"
    ).encode()
    return detect(parse_email(raw))


@pytest.mark.parametrize(
    ("sender", "subject", "body"),
    [  # rejections written as hiring managers speak, each unseen by the rules before
        (
            "Jorge Quintana <jorge.quintana@trenazul.example>",
            "Dinámica del martes - Auxiliar de Atención al Viajero",
            "Hola Alba,\n\nTe escribo tras la dinámica del martes para el puesto de Auxiliar de"
            " Atención al Viajero. Quería decirte que no vas a pasar a la entrevista final: los"
            " turnos incluyen pernoctas.\n\nSaludos,\nJorge",
        ),
        (
            "Álvaro Pineda <alvaro.pineda@tripulantesplus.example>",
            "Lanzarote",
            "Hola Alba,\n\nEl cliente ya ha cerrado la selección de Lanzarote y no han contado"
            " contigo para el puesto.\n\nUn abrazo,\nÁlvaro",
        ),
        (
            "Jean-Luc Pirotte <jlpirotte@pirotte.example>",
            "Votre CV",
            "Bonsoir Monsieur Lejeune,\n\nMerci de vous être déplacé pour l'entretien pour la place"
            " d'électromécanicien. Je cherche quelqu'un qui peut faire les gardes du week-end. Je ne"
            " vais donc pas vous engager.\n\nBonne soirée,\nJean-Luc Pirotte",
        ),
        (
            "Olivier Gilles <olivier.gilles@lixhe-power.example>",
            "RE: Candidature spontanée",
            "Bonjour Monsieur Lejeune,\n\nNous n'avons actuellement aucun poste ouvert en maintenance"
            " mécanique. Je ne suis donc pas en mesure de donner une suite positive à votre"
            " candidature.\n\nBien cordialement,\nOlivier Gilles",
        ),
        (
            "Oberin Karin Meyer-Lohse <oberin@schwesternschaft.example>",
            "Ihre Bewerbung um Anstellung",
            "Sehr geehrte Frau Krüger,\n\nvielen Dank für Ihre Bewerbung als Pflegefachkraft. Ich"
            " muss Ihnen mitteilen, dass die Stellen für dieses Jahr bereits vergeben sind.\n\nMit"
            " freundlichen Grüßen\nKarin Meyer-Lohse",
        ),
        (
            "Verwaltung Haus Abendrot <verwaltung@haus-abendrot.example>",
            "Ihre Initiativbewerbung",
            "Sehr geehrte Frau Krüger,\n\nvielen Dank für Ihre Initiativbewerbung. Derzeit ist unser"
            " Pflegeteam vollständig besetzt, sodass wir Ihnen leider keine Stelle anbieten"
            " können.\n\nMit freundlichen Grüßen\nRenate Hülsmann",
        ),
        (
            "Wade Lachance <wade@texantiltwall.example>",
            "your interview",
            "Tyler,\n\nEnjoyed meeting you Thursday. With your background mostly on the GC side I"
            " just don't see it lining up for this Project Manager job.\n\nWade",
        ),
        (
            "Lernbrücke Bildung <no-reply@lernbruecke.greenhouse-mail.io>",
            "Deine Bewerbung bei Lernbrücke Bildung",
            "Liebe Annika,\n\nvielen Dank für deine Bewerbung als Fellow (vergütete Vollzeitstelle)."
            " Leider müssen wir dir mitteilen, dass wir dich nicht zu unserem Auswahltag einladen"
            " können.\n\nDein Recruiting-Team",
        ),
        (  # a fund administrator hiring a fund accountant is no grant fund
            "Linkwell <jobs-noreply@linkwell.example>",
            "Your application to Fund Accountant at Grund Fund Services",
            "Hi Laurent,\n\nThank you for your interest in the Fund Accountant position at Grund"
            " Fund Services. Unfortunately, Grund Fund Services has decided not to move forward"
            " with your application.\n\nSee all jobs: https://linkwell.example/jobs/fund-accountant",
        ),
    ],
)
def test_a_no_said_in_a_managers_own_words_is_a_rejection(sender, subject, body):
    assert _note(sender, subject, body).is_rejection


@pytest.mark.parametrize(
    ("sender", "subject", "body"),
    [  # they speak of a no, and are none
        (  # an old no recalled in asking about a new post
            "Sandrine Gilson <sandrine.gilson@valmosan.example>",
            "Nouveau poste – Technicien de maintenance mécanique",
            "Bonjour Maxime,\n\nNous avions échangé au sujet du poste de Technicien de maintenance"
            " électrique, pour lequel votre candidature n'avait malheureusement pas été retenue. Je"
            " vous recontacte car nous ouvrons un poste au laminoir. Seriez-vous toujours à"
            " l'écoute du marché ?\n\nBien à vous,\nSandrine Gilson",
        ),
        (
            "Kira Baumgarten <kira.baumgarten@eilenriede.example>",
            "Neue Chance bei uns?",
            "Hallo Frau Krüger,\n\nSie hatten sich im Frühjahr bei uns beworben – damals hat es"
            " leider nicht geklappt. Wir besetzen zum 1. September zwei Stellen als Pflegefachkraft."
            " Hätten Sie Interesse an einem unverbindlichen Gespräch?\n\nViele Grüße\nKira",
        ),
        (  # a friend's own no
            "Stijn Wouters <stijn.wouters@telenet-mail.example>",
            "Weer niks...",
            "Hey Maxime,\n\nBij mij is het weer niks geworden: Genvara heeft me na het tweede"
            " gesprek afgewezen. Laat eens iets weten.\n\nStijn",
        ),
        (  # a training course's entry tests
            "Jean-François Bodart <jf.bodart@technimeuse.example>",
            "Résultat des tests d'entrée",
            "Bonjour Monsieur Lejeune,\n\nNous sommes au regret de vous informer que votre"
            " candidature à cette formation n'a pas été retenue: les résultats des tests d'entrée"
            " sont en dessous du seuil.\n\nBien à vous,\nJean-François Bodart",
        ),
        (  # papers missing, the application waits for them
            "Personalabteilung Klinik am Ihmeufer <personal@klinik.example>",
            "Ihre Bewerbung – fehlende Unterlagen",
            "Sehr geehrte Frau Krüger,\n\nleider ist Ihre Bewerbung noch unvollständig. Ohne diese"
            " Unterlagen können wir Ihre Bewerbung nicht berücksichtigen. Bitte reichen Sie die"
            " fehlenden Unterlagen bis zum 21.03. nach.\n\nMit freundlichen Grüßen\nLea Sommerfeld",
        ),
    ],
)
def test_a_no_recalled_or_about_something_else_is_no_rejection(sender, subject, body):
    assert not _note(sender, subject, body).is_rejection


@pytest.mark.parametrize(
    ("sender", "body", "company"),
    [  # German care homes and airlines' open days, as their mail names them
        (
            "Melanie Aydın über JOIN <noreply@join.com>",
            "Hallo Sabine,\r\n\r\nvielen Dank für deine Bewerbung beim Ambulanten Pflegedienst"
            " Sonnenweg. Wir haben uns leider gegen eine Einladung entschieden.\r\n\r\nViele Grüße"
            "\r\nMelanie Aydın\r\nPflegedienstleitung\r\nAmbulanter Pflegedienst Sonnenweg\r\n\r\n"
            "Gesendet über JOIN.",
            "Ambulanter Pflegedienst Sonnenweg",
        ),
        (  # the display name is the signer's, surname first
            '"Rademacher, Hans-Jürgen" <hj.rademacher@pflegezentrum-mittellandkanal.example>',
            "Sehr geehrte Frau Krüger,\r\n\r\nwir haben uns für einen anderen Bewerber entschieden."
            "\r\n\r\nMit freundlichem Gruß\r\n\r\ni. A. H.-J. Rademacher\r\nEinrichtungsleiter\r\n\r\n"
            "Pflegezentrum Am Mittellandkanal GmbH\r\nHafenstraße 11 · 30827 Garbsen",
            "Pflegezentrum Am Mittellandkanal",
        ),
        (
            "Heimleitung Haus Ahornhof <heimleitung@haus-ahornhof.example>",
            "Sehr geehrte Frau Krüger,\r\n\r\nleider haben wir uns für eine andere Bewerberin"
            " entschieden.\r\n\r\nMit freundlichen Grüßen\r\nHeimleitung",
            "Haus Ahornhof",
        ),
        (
            "Dunecrest Airways Open Day <opendays@dunecrest.example>",
            "Dear Alba,\r\n\r\nThank you for attending our Open Day in Madrid. Unfortunately you"
            " have not been selected to progress to the final interview.\r\n\r\nDunecrest Airways",
            "Dunecrest Airways",
        ),
        (
            "SwiftPort Handling Empleo <swiftport@icims.com>",
            "Hola Alba,\r\n\r\nHemos decidido continuar con otros candidatos para el puesto de"
            " Supervisor/a de Pasaje.\r\n\r\nSwiftPort Handling España",
            "SwiftPort Handling",
        ),
    ],
)
def test_the_company_behind_care_homes_and_open_days(sender, body, company):
    assert _written(sender, "Ihre Bewerbung / tu candidatura", body) == company


def test_a_title_before_a_name_in_the_display_is_not_the_first_name():
    raw = (
        "From: Oberin Karin Meyer-Lohse <oberin@schwesternschaft.example>\r\n"
        "Subject: Ihre Bewerbung\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        "Sehr geehrte Frau Krüger,\r\n\r\ndie Stellen sind für dieses Jahr bereits vergeben."
        "\r\n\r\nMit freundlichen Grüßen\r\n\r\nOberin Karin Meyer-Lohse\r\nVorsitzende\r\n"
    ).encode()
    assert extract(parse_email(raw)).contact_first_name == "Karin"


@pytest.mark.parametrize(
    ("sender", "signature", "company"),
    [  # a domain that leaves out a word, writes one in the plural or by some of its letters
        (
            "Robert Hale <robert.hale@avonsidereferrals.example>",
            "Rob\r\n\r\nRobert Hale\r\nHead of Nursing\r\nAvonside Veterinary Referrals\r\n"
            "Unit 9, Avonside Business Park, Bristol BS2 0XX",
            "Avonside Veterinary Referrals",
        ),
        (
            "Ellie Shaw <ellie@stokescroftcats.example>",
            "Ellie\r\n\r\nEleanor Shaw BVSc MRCVS\r\nOwner & Veterinary Surgeon\r\n"
            "Stokes Croft Cat Clinic",
            "Stokes Croft Cat Clinic",
        ),
        (  # and a title in lower case before the school's name
            "Inge de Bruijn <i.debruijn@bsdepiramide.example>",
            "Liefs,\r\nInge\r\n\r\nInge de Bruijn\r\nadjunct-directeur Basisschool De Piramide"
            "\r\nVleuten",
            "Basisschool De Piramide",
        ),
        (
            "Renske Dijkman <renske.dijkman@dekersentuin.example>",
            "Warme groet,\r\n\r\nRenske Dijkman\r\ndirecteur Basisschool De Kersentuin\r\n"
            "Leidsche Rijn, Utrecht",
            "Basisschool De Kersentuin",
        ),
        (
            "CPAS de Wavrelle – GRH <grh@cpaswavrelle.example>",
            "Cordialement,\r\n\r\nService GRH",
            "CPAS de Wavrelle",
        ),
        (  # an HR system's no-reply address
            "Kind & Koers Vacatures <donotreply@youforce.example>",
            "Met vriendelijke groet,\r\n\r\nTeam P&O Kind & Koers\r\n\r\nDit bericht is"
            " automatisch verstuurd via Youforce.",
            "Kind & Koers",
        ),
    ],
)
def test_the_company_a_domain_writes_in_pieces(sender, signature, company):
    assert _signed(signature, sender).company == company


def test_the_name_above_a_title_signs_though_six_lines_end_the_mail():
    signature = (
        "All the very best for the future.\r\n\r\nSue\r\n\r\nSusan Marchant\r\nPractice Manager"
        "\r\nChew Valley Veterinary Practice\r\nThe Old Forge, Chew Magna, Bristol BS40 8XX\r\n"
        "01275 960 332"
    )
    facts = _signed(signature, "Sue Marchant <practice.manager@chewvalleyvets.example>")
    assert (facts.contact_name, facts.contact_first_name) == ("Susan Marchant", "Susan")


@pytest.mark.parametrize(
    ("sender", "subject", "body"),
    [
        (
            "Chloe Adeyemi <chloe@paragonmedvetrecruit.example>",
            "Weston role",
            "Hi Hollie,\n\nClient has declined, sorry! Will keep looking for you.\n\nChloe",
        ),
        (
            "Harriet Sommers <harriet@cliftonvillagevets.example>",
            "Re: Head Nurse interview",
            "Hi Hollie,\n\nApologies, I should have let you know sooner: we've actually now filled"
            " the Head Nurse role, so there's no need to come in on Monday.\n\nHarriet",
        ),
        (
            "Kestrel Vet Locums <bookings@kestrelvetlocums.example>",
            "Locum RVN – Chippenham",
            "Hi Hollie,\n\nThanks for putting yourself forward for the locum booking. The practice"
            " has now selected another locum for this assignment.\n\nKestrel Bookings Team",
        ),
        (
            "Joëlle Bakker-Smit <j.bakker@vrijeschool.example>",
            "Ons telefoongesprek",
            "Beste Sanne,\n\nWe zoeken voor deze klas iemand met de vrijeschoolpabo. Daarom stoppen"
            " we na dit gesprek met de procedure; een uitnodiging voor een gesprek op school volgt"
            " dus niet.\n\nHartelijke groet,\nJoëlle",
        ),
    ],
)
def test_a_no_from_vets_and_schools_is_a_rejection(sender, subject, body):
    assert _note(sender, subject, body).is_rejection


@pytest.mark.parametrize(
    ("sender", "subject", "body"),
    [
        (  # an agency's invitation that mentions the others turned down
            "Julien Morel <j.morel@massilia-recrutement.example>",
            "Entretien client – Comptable Général",
            "Bonjour Karim,\n\nExcellente nouvelle : le client a retenu votre candidature et"
            " souhaite vous rencontrer. Les autres candidats présentés n'ont pas été retenus à ce"
            " stade.\n\nJulien Morel",
        ),
        (  # a friend who cannot refer
            "Julie Caraman <julie.caraman@courriel.example>",
            "Re: cooptation Oceanis ?",
            "Hello Karim,\n\nMalheureusement je ne vais pas pouvoir te coopter chez Oceanis : je"
            " quitte la boîte fin du mois.\n\nJulie",
        ),
        (  # a friend's own no
            "Sarah Benhamou <sarah.benhamou@courriel.example>",
            "Calade Audit",
            "Coucou Karim,\n\nJe n'ai finalement pas été prise chez Calade Audit, ils ont choisi"
            " quelqu'un qui avait plus d'expérience. Tu as eu un retour ?\n\nSarah",
        ),
        (  # an offer
            "Franck Doria <franck.doria@sud-emballages.example>",
            "Proposition – poste de comptable unique",
            "Bonjour Karim,\n\nNous avons décidé de ne pas poursuivre avec les autres candidats et"
            " de vous proposer le poste de comptable unique. Bienvenue chez nous !\n\nFranck",
        ),
        (  # an offer after an earlier no
            "Noëlle Vink <n.vink@hetklokhuis.example>",
            "Toch goed nieuws!",
            "Beste Sanne,\n\nEen paar weken geleden had de commissie gekozen voor een andere"
            " kandidaat. Die heeft zich teruggetrokken. Ik wil je daarom graag de functie van"
            " leerkracht groep 6 aanbieden.\n\nNoëlle",
        ),
    ],
)
def test_others_turned_down_a_friends_no_and_offers_are_no_rejection(sender, subject, body):
    assert not _note(sender, subject, body).is_rejection


@pytest.mark.parametrize(
    ("sender", "subject", "body"),
    [
        (
            "Luis Bergua <lbergua@frutasbergua.example>",
            "Re: encargado finca",
            "Buenas Jordi, ya hemos cogido a alguien para lo de encargado de finca. Gracias"
            " igualmente.\nLuis",
        ),
        (
            "RRHH Grupo Fruper <rrhh@grupofruper.example>",
            "Técnico de Campo - Fruta de Hueso",
            "Jordi, te informamos de que no has pasado el corte para la segunda entrevista del"
            " puesto de Técnico de Campo.\n\nUn saludo.\nDpto. RRHH",
        ),
        (
            "Lácteos Cinca <lacteoscinca@icims.com>",
            "Tu solicitud: Técnico/a de Campo",
            "Estimado/a Jordi,\n\nHemos revisado tu solicitud detenidamente. Lamentablemente, no"
            " podemos ofrecerte una entrevista en este momento.\n\nSelección - Lácteos Cinca",
        ),
        (
            "Claudia Sattler <info@gehaltsbuero-sattler.example>",
            "Unser Gespräch vom Mittwoch",
            "Liebe Frau Huber,\n\ndanke für das Gespräch. Am Ende passt für unsere Stelle als"
            " Lohnbuchhalterin eine Kollegin mit etwas mehr LODAS-Erfahrung besser in unser"
            " Team.\n\nHerzliche Grüße\nClaudia Sattler",
        ),
    ],
)
def test_a_no_from_farms_and_small_offices_is_a_rejection(sender, subject, body):
    assert _note(sender, subject, body).is_rejection


@pytest.mark.parametrize(
    ("sender", "subject", "body"),
    [
        (  # the candidate turned the offer down
            "Montse Farré <mfarre@fertiebro.example>",
            "Re: Oferta Técnico Comercial",
            "Hola Jordi,\n\nLamentamos mucho que hayas decidido rechazar nuestra oferta para el"
            " puesto de Técnico Comercial, aunque entiendo que la otra propuesta encaja mejor con"
            " lo que buscas.\n\nMucha suerte en la nueva etapa.\nMontse",
        ),
        (  # she withdrew
            "Markus Rottmann <m.rottmann@gehaltswerk.example>",
            "AW: Rücknahme meiner Bewerbung",
            "Liebe Frau Huber,\n\nWir bedauern Ihre Entscheidung natürlich. Ihre Bewerbung"
            " betrachten wir damit als zurückgezogen.\n\nAlles Gute für die Prüfung!\nMarkus",
        ),
        (  # an unpaid volunteer programme
            "Agrónomos Solidarios <voluntariado@agronomossolidarios.example>",
            "Tu candidatura al voluntariado",
            "Hola Jordi:\n\nGracias por tu candidatura al programa de voluntariado técnico."
            " Lamentamos comunicarte que en esta ocasión no has sido seleccionado.\n\nSara Giné",
        ),
        (  # a game pitched to a publisher
            "Ryan Okoro <ryan@cobaltowl.example>",
            "Re: Pitch - Lighthouse Keeper",
            "Hi Olivier,\n\nThanks for the pitch deck and the vertical slice. Unfortunately, we're"
            " going to pass on it for now: our 2026 slate is already full.\n\nRyan",
        ),
    ],
)
def test_an_offer_turned_down_a_withdrawal_and_a_pitch_are_no_rejection(sender, subject, body):
    assert not _note(sender, subject, body).is_rejection


@pytest.mark.parametrize(
    ("sender", "signature", "company"),
    [  # German tax firms: their legal form and, after partners' names, their profession
        (
            "Lena Brandl <l.brandl@morrowkline.example>",
            "Mit freundlichen Grüßen\r\nLena Brandl\r\nMorrow Kline GmbH Steuerberatungsgesellschaft",
            "Morrow Kline",
        ),
        (
            "Anna Hartl <a.hartl@hartl-seidl.example>",
            "Viele Grüße\r\nAnna Hartl\r\nHartl & Seidl Steuerberater",
            "Hartl & Seidl",
        ),
        (
            "Tom Gruber <t.gruber@isarkontor.example>",
            "Sonnige Grüße aus München\r\nTom Gruber\r\nIsarkontor Steuerberatung",
            "Isarkontor Steuerberatung",
        ),
    ],
)
def test_the_company_of_a_tax_firm(sender, signature, company):
    facts = _signed(signature, sender)
    assert (facts.company, facts.contact_first_name) == (company, sender.split()[0])


@pytest.mark.parametrize(
    ("sender", "subject", "body", "rejection"),
    [  # a salon owner's Flemish, and a friend quoting her own no between apostrophes
        (
            "Bart Van Looveren <bart@kapperbart.example>",
            "zoals besproken",
            "Dag Lien,\n\nBedankt voor uw sollicitatie en de proefavond. Zoals daarnet aan de"
            " telefoon gezegd: ik ga niet met u in zee voor de plaats van Kapster in Hoboken.\n\n"
            "Groeten,\nBart",
            True,
        ),
        (
            "Zoë Hermans <zoe@salonzoe.example>",
            "Re: kapster voor zaterdagen",
            "Hoi Lien!\n\nBedankt voor je sollicitatie en de proefdag. Ik heb lang getwijfeld"
            " tussen u en nog een ander meisje voor de job, maar ik ga het toch met haar"
            " proberen.\n\nGroetjes\nZoë",
            True,
        ),
        (
            "Ann-Sophie Mertens <info@instituutlotus.example>",
            "Sollicitatie schoonheidsspecialiste",
            "Hallo Lien,\n\nToch heb ik besloten om de plaats als Schoonheidsspecialiste aan iemand"
            " anders te geven.\n\nVriendelijke groeten,\nAnn-Sophie",
            True,
        ),
        (
            "Jolien Van Hoof <jolien.vanhoof@telemail.example>",
            "alweer nee",
            "Lien,\n\nRaad eens wie er weer een mail kreeg met 'Helaas moeten we je laten weten dat"
            " we niet verder gaan met je sollicitatie'? Ja, ik.\n\nJolien",
            False,
        ),
        (
            "VC Zuid Antwerpen <secretariaat@vczuid.example>",
            "Selectie dames A",
            "Dag Lien,\n\nBedankt om mee te doen aan de selectietrainingen. We moeten je helaas"
            " laten weten dat je niet geselecteerd bent voor de A-ploeg.\n\nKoen",
            False,
        ),
    ],
)
def test_flemish_notes_from_salons_and_friends(sender, subject, body, rejection):
    assert _note(sender, subject, body).is_rejection is rejection


@pytest.mark.parametrize(
    ("sender", "signature", "contact"),
    [
        (  # the short name, then the name in full under it
            "Becky Lanyon <rebecca.lanyon@tidemark.example>",
            "Thanks,\r\nBecky\r\n\r\nRebecca Lanyon\r\nRecruitment Consultant\r\nTidemark Locums",
            "Rebecca Lanyon",
        ),
        (  # letters after the full name; the display name is the short one
            "Trish Halloran <trish.halloran@eastbay-clinic.example>",
            "Best,\r\nTrish\r\nPatricia Halloran, RN, MSN\r\nDirector of Nursing",
            "Patricia Halloran",
        ),
        (  # an ATS sends it; the short name alone signs above the full one
            "Seehof Hotels <seehof@teamtailor-mail.com>",
            "Liebe Grüße\r\nResi\r\nTheresia Lindner\r\nHR Managerin\r\nSeehof Hotels",
            "Theresia Lindner",
        ),
        (  # a first name of two words, the short form of the second
            "Javi Pons <javi@academiaarquimedes.example>",
            "Un abrazo,\r\nJavi\r\nFrancisco Javier Pons Ferrer\r\nDirector · Academia Arquímedes",
            "Francisco Javier Pons Ferrer",
        ),
        (  # the display name in full, signed by a name it is known to be short for
            "Josef Wimmer <kanzlei@stb-wimmer.example>",
            "Mit freundlichen Grüßen\r\nSepp Wimmer\r\n\r\nSteuerkanzlei Wimmer",
            "Josef Wimmer",
        ),
        (  # from an ATS: the recruiter's short name, then her name in full
            "Seguros Andes <no-reply@us.greenhouse-mail.io>",
            "Un abrazo,\r\nNacho\r\n\r\nIgnacio Bravo Cárdenas\r\nTalent Acquisition Lead",
            "Ignacio Bravo Cárdenas",
        ),
        (  # an initial is no short name: the line below is the firm, not him
            "Heinz Vogt <info@pflegedienst-vogt.example>",
            "Mit freundlichen Grüßen\r\nH. Vogt\r\nHäusliche Krankenpflege Vogt\r\nInh. Heinz Vogt",
            "Heinz Vogt",
        ),
        (  # someone else's name under a first name is not hers
            "Sam Okoye <sam@brightfold.example>",
            "Cheers,\r\nSam\r\nSarah Collins\r\nHead of People",
            "Sam Okoye",
        ),
    ],
)
def test_a_short_name_over_the_name_in_full_is_the_full_name(sender, signature, contact):
    assert _signed(signature, sender).contact_name == contact


def test_a_valencian_cooperatives_legal_form_is_not_its_name():
    facts = _signed(
        "Una abraçada,\r\nPepa\r\n\r\nJosefa Soler Climent\r\nGerent / Gerente\r\n"
        "Cooperativa Agrícola Sant Vicent Coop. V.\r\nCamí Reial, 4 - 46260 Alberic",
        "Josefa Soler Climent <gerencia@coopsantvicent.example>",
    )
    assert (facts.company, facts.contact_first_name) == (
        "Cooperativa Agrícola Sant Vicent",
        "Josefa",
    )


@pytest.mark.parametrize(
    ("body", "role"),
    [
        (
            "Bedankt voor je sollicitatie op de functie Projectleider Utiliteitsbouw.",
            "Projectleider Utiliteitsbouw",
        ),
        (
            "Gracias por postularte a la vacante de Gerente de Éxito del Cliente.",
            "Gerente de Éxito del Cliente",
        ),
        ("Sie haben sich auf die Position Assistant Tax beworben.", "Assistant Tax"),
        (
            "Thank you for attending the interview for the post of Marketing Manager.",
            "Marketing Manager",
        ),
        (
            "para el cargo de Community Manager de Acme. Preferimos otro perfil.",
            "Community Manager",
        ),
        ("the JR-20417 Financial Analyst II opening has been filled.", "Financial Analyst II"),
        # in lower case, where a role noun heads it, up to the words that end it
        (
            "Votre candidature pour le poste de chargé de communication n'a pas été retenue.",
            "chargé de communication",
        ),
        ("We hebben de vacature voor technieker ondertussen ingevuld.", "technieker"),
        ("Lucía, la plaza de enfermera de diálisis ya está cubierta.", "enfermera de diálisis"),
        ("Dank voor je sollicitatie als leerkracht groep 5. Helaas!", "leerkracht groep 5"),
        ("Merci de nous avoir rendu visite au poste de travail partagé.", None),
        # no role where a word only looks like the frame
        ("Das Feedback zu Ihnen war sehr positiv, aber wir haben anders entschieden.", None),
        ("Bien à vous,\nThomas Lefèvre\nHead of Engineering", None),
        ("Als Begründung wurde die Erfahrung genannt.", None),
        ("I wanted to come back to you as soon as I had a final answer.", None),
        ("Ayuntamiento de Puebla\nPlaza de España, 1", None),
        ("Sie hat bereits als Werkstudentin bei uns gearbeitet.", None),
    ],
)
def test_the_role_is_read_in_the_words_that_frame_it_or_not_at_all(body, role):
    """The reply names the role: none is better than a wrong one."""
    raw = (
        "From: Ann Bell <ann@acme.example>\r\nSubject: Hello\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        f"{body}\r\nWe have decided not to move forward.\r\n"
    ).encode()
    assert extract(parse_email(raw)).role == role


@pytest.mark.parametrize(
    ("sender", "subject", "body"),
    [
        (
            "Programme Mentorat Logistique <mentorat@pml.example>",
            "Programme de mentorat 2025 - réponse à votre candidature",
            "Bonjour Yassine,\n\nMerci pour votre candidature comme mentoré(e) au Programme Mentorat"
            " Logistique 2025. Nous avons le regret de vous informer que votre candidature n'a pas"
            " été retenue pour cette promotion.\n\nL'équipe du Programme",
        ),
        (
            "Harbour Students' Union Film Society <filmsoc@hsu.example>",
            "Committee applications",
            "Hi Sam,\n\nThank you for applying for the Treasurer position on the Film Society"
            " committee (as with all committee roles, this is a voluntary position). After the"
            " interviews the outgoing committee has decided not to take your application"
            " forward.\n\nMaya & Jon",
        ),
    ],
)
def test_a_mentoring_place_or_a_society_committee_seat_is_no_job(sender, subject, body):
    assert not _note(sender, subject, body).is_rejection


@pytest.mark.parametrize(
    ("sender", "subject", "body"),
    [
        (  # a flat let to someone else, in Costa Rican Spanish
            "Cecilia Rojas <cecilia.rojas@correo-sjo.example>",
            "Re: Apartamento en Escazú",
            "Hola Andrea, gracias por venir a ver el apartamento. Ya lo alquilamos a otra persona,"
            " así que lamentablemente no vamos a poder seguir con su solicitud.\n\nDoña Cecilia",
        ),
        (  # a post reopened: the old no is recalled, the news is an offer to apply again
            "Karla Jiménez <karla.jimenez@quantis-bs.example>",
            "¿Sigue interesada? Analista de Cuentas por Pagar",
            "Buenas tardes Andrea,\n\nLa posición de Analista de Cuentas por Pagar se volvió a"
            " abrir. Aunque en aquel momento no continuamos con su candidatura, el gerente recuerda"
            " su entrevista. ¿Podría enviarme su currículum actualizado?\n\nKarla",
        ),
        (  # a specialised master's programme's admission, with a waiting list
            "Institut Agro Rance – Admissions <admissions@agro-rance.example>",
            "Résultat d'admission – Mastère Spécialisé",
            "Madame,\n\nAprès examen de votre dossier et de votre entretien de motivation, nous"
            " avons le regret de vous informer que votre candidature n'a pas été retenue. Vous êtes"
            " en position 6 sur la liste d'attente.\n\nLe Service des admissions",
        ),
    ],
)
def test_a_flat_a_reopened_post_and_a_masters_place_are_no_job_rejection(sender, subject, body):
    assert not _note(sender, subject, body).is_rejection


@pytest.mark.parametrize(
    ("sender", "signature", "first_name"),
    [
        (
            "Energienetze Salzkammer – Personal <karriere@energienetze-salzkammer.example>",
            "Freundliche Grüße\r\nMag. (FH) Ursula Steiner\r\nRecruiting\r\n"
            "Energienetze Salzkammer GmbH",
            "Ursula",
        ),
        (
            "DI (FH) Markus Url <markus.url@lannach-automotive.example>",
            "Beste Grüße\r\nDI (FH) Markus Url\r\nTeamleiter Fahrwerksentwicklung\r\n"
            "Lannach Automotive GmbH",
            "Markus",
        ),
        (
            "Brandner Matthias <matthias.brandner@isarwerk.example>",
            "Best regards\r\nDr.-Ing. Matthias Brandner\r\nTeam Lead Test Field\r\nIsarwerk GmbH",
            "Matthias",
        ),
    ],
)
def test_austrian_and_german_degrees_before_a_name_are_not_the_name(sender, signature, first_name):
    assert _signed(signature, sender).contact_first_name == first_name


def test_a_company_whose_domain_spells_its_umlaut_out_is_the_signatures():
    facts = _signed(
        "Alles Liebe\r\nSteffi\r\n\r\n--\r\nStefanie Pirker\r\n"
        "Talent Acquisition & Employer Branding\r\nKöflach Mobility Systems GmbH\r\n"
        "Hauptplatz 6 | 8580 Köflach",
        "Stefanie Pirker <stefanie.pirker@koeflach-mobility.example>",
    )
    assert (facts.company, facts.contact_first_name) == ("Köflach Mobility Systems", "Stefanie")


@pytest.mark.parametrize(
    ("sender", "signature", "company"),
    [
        (
            "Tomasz Wróblewski <tomasz.wroblewski@brightlane.example>",
            "Pozdrawiam,\r\nTomasz Wróblewski\r\nData Platform Lead\r\n"
            "Brightlane Robotics Sp. z o.o. | ul. Prosta 51, 00-838 Warszawa",
            "Brightlane Robotics",
        ),
        (  # the job board's footer under the company's own notice is not the company
            "Kilómetro Cero Delivery <no-reply@join.com>",
            "Saludos,\r\nKilómetro Cero Delivery\r\n\r\n--\r\nEnviado con JOIN · join.com",
            "Kilómetro Cero Delivery",
        ),
        (  # a title run into the club's initials
            "Koen De Bruyn <voorzitter@hckempenbeer.example>",
            "Sportieve groeten,\r\nKoen De Bruyn\r\nVoorzitter HC Kempenbeer",
            "HC Kempenbeer",
        ),
        (
            "Margaret Lyle <margaret.lyle@severnvalecats.example>",
            "With kind regards\r\n\r\nMargaret Lyle\r\nChair of Trustees\r\n"
            "Severn Vale Cat Rescue (Registered Charity 1099001)",
            "Severn Vale Cat Rescue",
        ),
        (
            "e-Recrutement Centre hospitalier de Saint-Émeraude "
            "<e-recrutement@chsaintemeraude.example>",
            "Bureau du recrutement\r\nDirection des Ressources Humaines",
            "Centre hospitalier de Saint-Émeraude",
        ),
        (  # a domain run together, nothing else to go by: split where a known word ends it
            "Mark Ashworth <mark.ashworth@kestrelsurgical.example>",
            "Mark\r\n\r\nSent from my iPhone",
            "Kestrel Surgical",
        ),
        (  # ... or where the mail writes one of its words
            "Dan Whitaker <dan@tidewaterdenim.example>",
            "Dan\r\n\r\nP.S. Tidewater hires again in the spring.",
            "Tidewater Denim",
        ),
    ],
)
def test_the_company_behind_legal_forms_footers_titles_and_run_together_domains(
    sender, signature, company
):
    assert _signed(signature, sender).company == company


@pytest.mark.parametrize(
    ("sender", "subject", "body", "rejection"),
    [
        (
            "Kimberly Daems <kimberly.daems@adlo-interim.example>",
            "klant Lillo",
            "Wout,\n\nDe klant kiest voor iemand anders voor de job in Lillo. Volgende keer beter!"
            "\n\nMvg\nKim",
            True,
        ),
        (
            "Ingrid Smolders <ingrid.smolders@warmtenet.example>",
            "Uw kandidatuur Operator",
            "Geachte heer Peeters,\n\nTot onze spijt kunnen we niet ingaan op uw kandidatuur voor de"
            " functie van Operator.\n\nMet vriendelijke groeten,\nIngrid Smolders",
            True,
        ),
        (  # a selection day ahead, whoever fails its test goes no further
            "Ilse Vandenberghe <ilse@flexpoort.example>",
            "Uitnodiging selectiedag procesoperator",
            "Hallo Wout,\n\nVoor deze vacature werkt de klant met een selectiedag. Wie niet slaagt"
            " voor de technische test kan helaas niet door naar het gesprek bij de klant.\n\nKan je"
            " even bevestigen dat je erbij bent?\n\nGroetjes,\nIlse",
            False,
        ),
        (  # a friend's own no
            "Max Poirier <max.poirier@boitemail.example>",
            "Voltigeur m'a dit non",
            "Salut Félix,\n\nJ'ai finalement eu ma réponse de Voltigeur pour le poste de testeur"
            " senior : « nous avons décidé de poursuivre avec d'autres candidats ». Toi, t'as-tu"
            " eu des nouvelles?\n\nMax",
            False,
        ),
        (  # a recruiter recalling a no of months ago, with a new role to offer
            "Ashleigh van Rooyen <ashleigh@bloubergre.example>",
            "New role at Blouberg Re",
            "Hi Thandiwe,\n\nI know you were unsuccessful for the Risk Analyst role earlier this"
            " year. We've since opened a Senior Data Scientist role and I'd like to put you"
            " forward to the hiring manager. Would you be available for a short call this week?"
            "\n\nBest regards,\nAshleigh",
            False,
        ),
    ],
)
def test_flemish_notes_a_selection_day_and_a_no_recalled(sender, subject, body, rejection):
    assert _note(sender, subject, body).is_rejection is rejection


@pytest.mark.parametrize(
    ("sender", "signature", "company"),
    [
        (  # a network passing on the employer's no
            "TalentFlux <notifications@talentflux.example>",
            "Ubuntu Mutual Bank has decided not to continue with your application.\r\n\r\n"
            "The TalentFlux team",
            "Ubuntu Mutual Bank",
        ),
        (
            "Jobs Kempen Interim <noreply@kempeninterim.example>",
            "Groeten,\r\nEllen Goris\r\nConsultant Kempen Interim - kantoor Geel",
            "Kempen Interim",
        ),
    ],
)
def test_the_employer_a_network_names_and_a_jobs_mailbox(sender, signature, company):
    assert _signed(signature, sender).company == company


@pytest.mark.parametrize(
    ("sender", "subject", "body"),
    [
        (
            "Sneha Kulkarni <sneha.kulkarni@mirabelfoods.example>",
            "RE: Withdrawal from the process - Senior Analyst",
            "Dear Agnieszka,\n\nSorry to hear that you are withdrawing from the process for the"
            " Senior Analyst position, and congratulations on your new role. We have closed your"
            " application. Unfortunately we cannot keep the HR round slot open, but do apply again"
            " in the future.\n\nWishing you all the best!\nSneha",
        ),
        (
            "Verena Lichtenegger <v.lichtenegger@lichtwerk.example>",
            "AW: Rückzug meiner Bewerbung",
            "Liebe Frau Kovač,\n\nschade, dass Sie Ihre Bewerbung zurückziehen. Ihre Unterlagen"
            " werden wir wie gewünscht nicht weiter berücksichtigen und löschen.\n\nAlles Gute!\n"
            "Verena Lichtenegger",
        ),
        (  # a survey sent to every candidate, taken or not
            "Sarrazac Wines <sarrazac@myworkday.com>",
            "Votre avis sur notre processus de recrutement",
            "Bonjour Margaux,\n\nQue votre candidature ait été retenue ou non, votre avis compte :"
            " ce questionnaire nous aide à améliorer nos échanges, y compris lorsque nous ne"
            " pouvons pas donner suite.\n\nLa Direction des Ressources Humaines",
        ),
    ],
)
def test_a_withdrawal_confirmed_or_a_survey_is_no_rejection(sender, subject, body):
    assert not _note(sender, subject, body).is_rejection


@pytest.mark.parametrize(
    ("sender", "signature", "company", "first_name"),
    [
        (
            "Tidewell Global Business Services <careers@tidewell.example>",
            "Kind regards,\r\nTidewell Global Business Services",
            "Tidewell",
            None,
        ),
        (
            "Monika Dąbrowska <monika.dabrowska@halvorsen.example>",
            "Best regards,\r\nMonika Dąbrowska\r\nHalvorsen Group Finance Centre Kraków",
            "Halvorsen Group",
            "Monika",
        ),
        (
            "Kestrel Freight Services Rekrutacja <rekrutacja@kestrelfreight.example>",
            "Kind regards,\r\nGosia\r\n\r\nMałgorzata Zielińska\r\nKestrel Freight Services Poland",
            "Kestrel Freight Services",
            "Małgorzata",
        ),
        (
            "Aleksandra Sikora <ola.sikora@lumencraft.example>",
            "Cheers,\r\nOla\r\n\r\nAleksandra Sikora\r\nPeople Partner · Lumencraft Digital",
            "Lumencraft Digital",
            "Aleksandra",
        ),
    ],
)
def test_a_shared_service_centre_is_its_companys_and_polish_short_names(
    sender, signature, company, first_name
):
    facts = _signed(signature, sender)
    assert (facts.company, facts.contact_first_name) == (company, first_name)


@pytest.mark.parametrize(
    ("sender", "subject", "body", "rejection"),
    [
        (  # "Lettings" in a job title is a job, not a flat
            "Quayside Homes <no-reply@quayside.recruitee-mail.example>",
            "Your application for Customer Support Advisor - Lettings",
            "Hi Ewan,\n\nThanks for applying for Customer Support Advisor - Lettings at Quayside"
            " Homes.\n\nUnfortunately your application wasn't successful this time.\n\nQuayside"
            " People Team",
            True,
        ),
        (
            "Alan Reid <alan@westendlets.example>",
            "Re: Lettings Manager",
            "Hi Ewan,\n\nThanks for coming in on Monday. Not this time I'm afraid - we've"
            " appointed internally.\n\nAlan",
            True,
        ),
        (  # the candidate turned the offer down
            "Forth Public Recruitment <no-reply@forthpr.example>",
            "Offer declined - Housing Officer",
            "Dear Ewan\n\nWe confirm that you have declined the offer for the Housing Officer"
            " assignment. We're sorry it didn't work out this time.\n\nForth Public Recruitment",
            False,
        ),
        (  # a bulletin quoting the rejections its readers get
            "Housing Jobs Weekly <bulletin@housingjobsweekly.example>",
            "Not shortlisted? What next",
            "HOUSING JOBS WEEKLY - MONTHLY BULLETIN\n\nWe've all had the email: \"Unfortunately,"
            ' on this occasion, you have not been shortlisted." Here is how to bounce back.\n\n'
            "You're receiving this because you subscribed to the bulletin.",
            False,
        ),
    ],
)
def test_lettings_jobs_internal_appointments_declined_offers_and_bulletins(
    sender, subject, body, rejection
):
    assert _note(sender, subject, body).is_rejection is rejection


@pytest.mark.parametrize(
    ("sender", "signature", "company", "first_name"),
    [
        (  # an employer through a board: three words, but a letting agent's, not a person's
            "Broomielaw Lets via S1jobs <notifications@apply.s1jobs.example>",
            "Broomielaw Lets",
            "Broomielaw Lets",
            None,
        ),
        (
            "Lomond Housing Agency <noreply@taleo.net>",
            "Yours sincerely,\r\n\r\nResourcing Hub\r\nLomond Housing Agency",
            "Lomond Housing Agency",
            None,
        ),
        (  # a campus is where the office is, not whose
            "Isla Drummond <i.drummond@kelvinside.ac.example>",
            "Best regards,\r\n\r\nIsla Drummond\r\nHead of Residences\r\nUniversity of Kelvinside\r\n"
            "Residences Office, Kelvinside Campus",
            "University of Kelvinside",
            "Isla",
        ),
        (  # a branch of an agency at adlo-interim.example
            "Kimberly Daems <kimberly.daems@adlo-interim.example>",
            "Mvg\r\nKim\r\n\r\nKimberly Daems | Adlo Interim Antwerpen-Noord",
            "Adlo Interim",
            "Kimberly",
        ),
    ],
)
def test_letting_agents_resourcing_hubs_campuses_and_branches(
    sender, signature, company, first_name
):
    facts = _signed(signature, sender)
    assert (facts.company, facts.contact_first_name) == (company, first_name)


def test_a_place_after_the_company_the_domain_spells_is_not_part_of_it():
    raw = (
        "From: Daniel Ferraz <dferraz@coralbayresorts.example>\r\n"
        "Subject: Revenue Manager, Lanzarote\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        "Hi Nayra,\r\n\r\nWe have now filled the Revenue Manager position. Thanks for your"
        " interest in Coral Bay Resorts.\r\n\r\nDaniel Ferraz\r\n"
        "Resort Manager · Coral Bay Resorts Lanzarote\r\n"
    ).encode()
    assert extract(parse_email(raw), frozenset()).company == "Coral Bay Resorts"


def test_a_pets_adoption_turned_down_is_not_a_job_rejection():
    verdict = _note(
        "Dierenasiel Het Wilgenhof <adoptie@wilgenhof.example>",
        "Je adoptieaanvraag voor Muis",
        "Hoi Fleur,\n\nDank je wel voor je adoptieaanvraag voor Muis en voor het fijne"
        " kennismakingsbezoek vorige week.\n\nWe hebben besloten om Muis niet bij jou te plaatsen."
        " Muis kan helaas echt niet met kinderen overweg, en omdat jij een zoontje hebt, denken we"
        " dat het te veel stress zou geven. Het gaat dus niet om jou als baasje!\n\nMisschien past"
        " een van onze andere katten wel bij jouw situatie.\n\nLieve groet,\nAnouk\n"
        "Adoptieteam Dierenasiel Het Wilgenhof",
    )
    assert not verdict.is_rejection


@pytest.mark.parametrize(
    ("sender", "signature", "company", "first_name"),
    [
        (  # a person and her clinic, sent through Homerun: the clinic, and no reply-to
            "Joost de Wit (Dierenkliniek Lentse Poort) <notifications@homerun.co>",
            "Groetjes,\r\nJoost\r\nPraktijkmanager",
            "Dierenkliniek Lentse Poort",
            "Joost",
        ),
        (  # her title run into the clinic's name
            "Ineke Bos <ineke@dierenkliniekmalden.example>",
            "Groet,\r\nIneke Bos\r\nPraktijkmanager Dierenkliniek Malden",
            "Dierenkliniek Malden",
            "Ineke",
        ),
        (  # a Dutch surname that is also an English word for products
            "Dierenasiel Het Wilgenhof <wilgenhof@mail.recruitee.com>",
            "Met vriendelijke groet,\r\n\r\nMarloes Brands\r\nCoördinator\r\nHet Wilgenhof",
            "Dierenasiel Het Wilgenhof",
            "Marloes",
        ),
        (  # an agency whose trade is in its name, writing about its client
            "Ruud Jansen - Diervast <r.jansen@diervast.example>",
            "Ik kan je helaas niet voorstellen aan onze\r\nopdrachtgever.\r\n\r\nGroet,\r\n"
            "Ruud Jansen\r\nDiervast Detachering",
            "Diervast Detachering",
            "Ruud",
        ),
        (  # "& Co" is part of a name; "GmbH & Co. KG" is a legal form
            "Talent Team - Bramwell & Co <careers@bramwellco.example>",
            "Best wishes,\r\nPriya Shah\r\nTalent Partner\r\nBramwell & Co",
            "Bramwell & Co",
            "Priya",
        ),
        (
            "Tobias Wendt <t.wendt@hallstein-antriebe.example>",
            "Mit freundlichen Grüßen\r\nTobias Wendt\r\nHallstein Antriebe GmbH & Co. KG",
            "Hallstein Antriebe",
            "Tobias",
        ),
        (  # a Belgian cooperative's legal form
            "Nadia Colson <nadia.colson@hydrolux.example>",
            "Nadia Colson\r\nResponsable RH\r\nHydrolux SCRL – Intercommunale des eaux",
            "Hydrolux",
            "Nadia",
        ),
    ],
)
def test_dutch_clinics_agencies_and_legal_forms(sender, signature, company, first_name):
    facts = _signed(signature, sender)
    assert (facts.company, facts.contact_first_name) == (company, first_name)
    if "homerun" in sender:
        assert facts.reply_to is None


@pytest.mark.parametrize(
    ("sender", "signature", "company"),
    [
        (  # the initials at the domain, the name written out before them
            "SGD - Ressources humaines <rh@sgd-dechets.example>",
            "Christine Ladrière\r\nDirectrice RH\r\nSambregaz Déchets (SGD) – Intercommunale SCRL",
            "Sambregaz Déchets",
        ),
        (  # an adjective keeps its lower case: AWE is the Agence wallonne de l'Emploi
            "AWE - Service Sélection <no-reply@awe.example>",
            "Le service Sélection\r\nAgence wallonne de l'Emploi",
            "Agence wallonne de l'Emploi",
        ),
    ],
)
def test_initials_read_as_the_name_they_stand_for(sender, signature, company):
    assert _signed(signature, sender).company == company


@pytest.mark.parametrize(
    ("sender", "subject", "body", "company"),
    [
        (  # the relay's mailbox is named after the employer; the signature adds its team
            "Recruitment Team <aurelianaircraft@icims.com>",
            "Application Update",
            "Thank you for your application for the position of Certification Stress\r\n"
            "Engineer at Aurelian Aircraft. We have identified other candidates.\r\n\r\n"
            "Regards,\r\nAurelian Aircraft",
            "Aurelian Aircraft",
        ),
        (  # the subject starts with the employer; Workday's own mailbox names nobody
            "Careers <wd3-notifications@myworkday.com>",
            "Kelpie Insurance: update regarding your application",
            "We will not be progressing your application for the Graduate Analyst role.",
            "Kelpie Insurance",
        ),
        (  # a team signs for its organisation, after a closing no sign-off list knows
            "Recrutement <no-reply@teamtailor-mail.com>",
            "Votre candidature",
            "Nous avons choisi de poursuivre avec d'autres profils.\r\n\r\nBelle journée,\r\n"
            "L'équipe RH — Girondelle Aéro",
            "Girondelle Aéro",
        ),
        (
            "Schwarzweiss PR via JOIN <noreply@join.com>",
            "Update zu Ihrer Bewerbung",
            "wir haben uns entschieden, uns auf andere Bewerber zu konzentrieren.\r\n\r\n"
            "Wir wünschen Ihnen viel Erfolg!\r\n\r\nIhr Team von Schwarzweiss PR",
            "Schwarzweiss PR",
        ),
        (  # "interest in the ... role" names the role, not the company
            "Hiring Team <noreply@candidates.workablemail.com>",
            "Your application",
            "Thank you for your interest in the UX/UI Designer role. We will not be\r\n"
            "progressing your application further.\r\n\r\nBest wishes,\r\n\r\nThe Orbitly team",
            "Orbitly",
        ),
    ],
)
def test_employers_named_by_relay_mailboxes_subjects_and_team_lines(sender, subject, body, company):
    assert _written(sender, subject, body) == company


def test_an_insurer_signing_is_no_person():
    facts = _facts(
        "HR Services <hr.services@lammermuirassurance.example>",
        "Your application",
        "We regret that your application has been unsuccessful.\r\n\r\nYours sincerely,\r\n"
        "\r\nHR Services\r\nLammermuir Assurance",
    )
    assert (facts.company, facts.contact_name) == ("Lammermuir Assurance", None)


def test_the_writer_shown_over_a_networks_headline_is_the_contact():
    facts = _facts(
        "Aaron Shaw via Connectwork <notifications@connectwork.example>",
        "Aaron Shaw sent you a message",
        "Connectwork\r\n\r\nAaron Shaw\r\nTalent Acquisition Manager at Westray Life\r\n\r\n"
        "Hi Callum, thanks for applying. We won't be moving forward with your application - best "
        "of luck with the search. Aaron",
    )
    assert (facts.company, facts.contact_first_name) == ("Westray Life", "Aaron")


def test_an_application_passed_to_another_vacancy_is_no_rejection():
    verdict = _note(
        "Lindqvist Chemie AG <lindqvist@taleo.net>",
        "Ihre Bewerbung – Weiterleitung an eine andere Abteilung",
        "vielen Dank für Ihre Bewerbung als Redakteur (m/w/d) Konzernkommunikation.\n\n"
        "Ihr Profil passt aus unserer Sicht noch besser zu einer anderen Vakanz. Mit Ihrem "
        "Einverständnis haben wir Ihre Unterlagen an die zuständige Fachabteilung weitergeleitet. "
        "Die Bewerbung auf die ursprüngliche Stelle bleibt davon unberührt.\n\n"
        "Mit freundlichen Grüßen\nJohanna Fries",
    )
    assert not verdict.is_rejection


@pytest.mark.parametrize(
    ("subject", "body", "role"),
    [
        (  # a French head noun, then its lower-case rest
            "Votre candidature",
            "Merci pour votre candidature au poste de Chef de projet IT au sein de nos équipes. "
            "Nous avons retenu un autre profil.",
            "Chef de projet IT",
        ),
        (  # up to the verb after it
            "Votre candidature",
            "Le poste d'Analyste financière immobilier requiert un profil plus expérimenté : "
            "nous ne donnerons pas suite.",
            "Analyste financière immobilier",
        ),
        (  # the word after it names the kind of thing, not the role
            "Your application",
            "Thank you for applying for the Director role. We have decided not to proceed.",
            "Director",
        ),
    ],
)
def test_a_role_head_noun_takes_its_lower_case_rest(subject, body, role):
    assert _facts("Léa Martin <lea.martin@ondine.example>", subject, body).role == role


@pytest.mark.parametrize(
    ("sender", "signature"),
    [
        (
            "Personalamt Lindenau <personalamt@lindenau.example>",
            "Ihr Personalamt\r\nStadt Lindenau",
        ),
        ("Colegio Valle Alto <rrhh@vallealto.example>", "Colegio Valle Alto\r\nSecretaría"),
        ("Agence Sambre <contact@sambre-rh.example>", "Agence Sambre\r\nCharleroi"),
    ],
)
def test_an_office_a_school_or_an_agency_signing_is_nobody(sender, signature):
    assert _signed(signature, sender).contact_first_name is None


@pytest.mark.parametrize(
    ("sender", "subject", "body", "company"),
    [
        (  # "opportunities with X"
            "Talent Acquisition <talent-noreply@icims.com>",
            "Your application (Req. 23-0912)",
            "Thank you for your interest in career opportunities with Quimlevante Chemical and for"
            " applying. We have selected other candidates.\r\n\r\nSincerely,\r\nTalent Acquisition",
            "Quimlevante Chemical",
        ),
        (  # a Spanish subject head; "Equipo de Selección" is a team, not "Equipo de"
            "Equipo de Selección <noreply@smartrecruiters.com>",
            "Azulejos Terravall: actualización sobre tu candidatura",
            "Te informamos de que en esta ocasión no vamos a continuar con tu candidatura.\r\n\r\n"
            "Un cordial saludo,\r\nDepartamento de Recursos Humanos",
            "Azulejos Terravall",
        ),
        (  # the subject's head, then the role applied for
            "Recruiting Team <no-reply@greenhouse-mail.io>",
            "Ceramix Additives – Technical Service Chemist application",
            "After reviewing your application, we've decided not to proceed at this stage.\r\n"
            "\r\nBest,\r\nRecruiting Team",
            "Ceramix Additives",
        ),
        (  # an employer through JOIN whose name reads like a person's; JOIN's footer is no name
            "Stellendam Offshore Base via JOIN <noreply@join.com>",
            "Status of your application",
            "We regret to inform you that we will not be moving forward with your application."
            "\r\n\r\nBest regards,\r\n\r\nStellendam Offshore Base\r\n\r\n"
            "Sent via JOIN. Replies to this email are not monitored.",
            "Stellendam Offshore Base",
        ),
    ],
)
def test_employers_in_plurals_spanish_subjects_and_relay_footers(sender, subject, body, company):
    facts = _facts(sender, subject, body)
    assert (facts.company, facts.contact_name) == (company, None)


def test_a_road_in_the_signature_is_no_company():
    facts = _facts(
        "Empleo <empleo@porcelanicosmijares.example>",
        "Respuesta a tu candidatura espontánea",
        "Hemos decidido no avanzar con ella.\r\n\r\nDepartamento de Personas\r\n"
        "Porcelánicos del Mijares, S.A.\r\nCtra. Onda–Vila-real, km 3,2 · 12200 Onda",
    )
    assert facts.company == "Porcelánicos del Mijares"


def test_a_place_given_away_after_a_long_role_name_is_a_rejection():
    verdict = _note(
        "Bas Koning <bas.koning@eemhaven-multimodal.example>",
        "Barge Planner",
        "Hoi Kevin,\n\nBedankt voor het goede gesprek van vorige week. De plek als Barge Planner "
        "is inmiddels vergeven. Een collega van de kade maakt per 1 maart de overstap naar de "
        "planning.\n\nSucces met je zoektocht.\n\nGroet,\nBas Koning",
    )
    assert verdict.is_rejection


@pytest.mark.parametrize(
    ("sender", "body"),
    [  # the greeting of a short note is not its signature
        (
            "Fabrique d'Opinion <no-reply@mail.personio.de>",
            "Salut Mathieu,\r\n\r\nCe n'est donc "
            "pas un oui cette fois.\r\n\r\nLa team Fabrique d'Opinion",
        ),
        (
            "Stadt Freistett Karriere <noreply@freistett.example>",
            "Guten Tag Frau Fischer,\r\n\r\n"
            "zur Stelle können wir Ihnen leider keine Zusage geben.\r\n\r\nStadt Freistett | Personal",
        ),
        ("Kim <kim@hairlounge.example>", "Sorry Lien, we hebben al iemand. Succes!"),
    ],
)
def test_a_greeting_is_nobody_signing(sender, body):
    facts = _facts(sender, "Re: candidature", body)
    assert facts.contact_first_name not in {"Salut", "Guten", "Sorry"}


@pytest.mark.parametrize(
    ("sender", "body", "company"),
    [
        (  # a unit signs over its organisation, no sign-off above
            "Selection <selection@abip.example>",
            "Madame,\r\n\r\nNous vous informons que le poste a été pourvu.\r\n\r\n"
            "Cellule Sélection\r\nAgence bruxelloise de l'innovation publique\r\n"
            "Boulevard du Jardin Botanique 20, 1000 Bruxelles",
            "Agence bruxelloise de l'innovation publique",
        ),
        (  # a team's line, then its organisation, which reads like a person's name
            "Recruiting Team <no-reply@ashbyhq.com>",
            "Hi Léa,\r\n\r\nWe won't be moving forward with it at this time.\r\n\r\n"
            "Best of luck,\r\n\r\nRecruiting Team\r\nHalcyon Gate Interactive",
            "Halcyon Gate Interactive",
        ),
        (
            "Careers <careers-atlanticff@icims.com>",
            "Dear Aoife,\r\n\r\nWe regret to inform you that we have selected other candidates."
            "\r\n\r\nTalent Acquisition\r\n\r\nAtlantic Fill-Finish\r\n\r\n"
            "Little Island, Co. Cork, Ireland",
            "Atlantic Fill-Finish",
        ),
        (  # a street, then its town, is no organisation
            "Équipe Recrutement <noreply@smartrecruiters.com>",
            "Bonjour Léa,\r\n\r\nNous ne retiendrons pas votre candidature.\r\n\r\nAu plaisir,\r\n"
            "\r\n--\r\nStudio Marée Haute inc.\r\n400, boulevard Charest Est, Québec (Québec)",
            "Studio Marée Haute",
        ),
        (  # an organisation through JOIN, signing with its own name
            "Fotones del Sur via JOIN <no-reply@join.com>",
            "Hola Rocío:\r\n\r\nHemos decidido no continuar con tu candidatura.\r\n\r\n"
            "Un saludo,\r\nFotones del Sur",
            "Fotones del Sur",
        ),
    ],
)
def test_an_organisation_signing_under_a_unit_or_a_team_is_no_person(sender, body, company):
    facts = _facts(sender, "Your application", body)
    assert (facts.company, facts.contact_name) == (company, None)


@pytest.mark.parametrize(
    ("sender", "subject", "body", "company"),
    [
        (  # the employer after the application, at the end of the subject
            "Equipo de Selección <noreply@smartrecruiters.com>",
            "Actualización sobre tu candidatura – Tartessia Energy",
            "Estimada Rocío:\r\n\r\nTu candidatura no continuará en este proceso.\r\n\r\n"
            "Atentamente,\r\n\r\nEquipo de Selección",
            "Tartessia Energy",
        ),
        (  # a notice's subject: the employer, then the role the text names again
            "Recruiting <noreply@jobvite.com>",
            "Oakhurst Renewables: PV Performance Engineer",
            "Dear Rocío,\r\n\r\nThank you for your application for the PV Performance Engineer "
            "position. We regret that yours has not been shortlisted.\r\n\r\nRegards,\r\n"
            "Talent Acquisition Team",
            "Oakhurst Renewables",
        ),
        (  # a person's subject may shorten the name: the domain's longer one stays
            "Tyler Boone <tyler.boone@briskhealth.example>",
            "Brisk - Senior Backend Engineer",
            "Hi Jordan,\r\n\r\nWe won't be moving forward for the Senior Backend Engineer role.\r\n"
            "\r\nTyler",
            "Brisk Health",
        ),
        (  # an umlaut spelt out in the relay's mailbox
            "Careers <schoeckl-careers@icims.com>",
            "Regarding your application",
            "Dear Stefan,\r\n\r\nRegrettably, we will not be progressing your application.\r\n"
            "We thank you for the interest you have shown in Schöckl Automotive Systems.\r\n\r\n"
            "Human Resources",
            "Schöckl Automotive Systems",
        ),
        (  # "der Steirischen Bahnsysteme" is Steirische Bahnsysteme, as the sender writes it
            "Steirische Bahnsysteme <noreply@smartrecruiters.com>",
            "Ihre Bewerbung bei der Steirischen Bahnsysteme AG",
            "Sehr geehrter Herr Gruber,\r\n\r\nleider können wir Ihre Bewerbung nicht "
            "berücksichtigen.\r\n\r\nMit freundlichen Grüßen\r\n\r\n"
            "Ihr Recruiting-Team der Steirischen Bahnsysteme AG",
            "Steirische Bahnsysteme",
        ),
        (  # Quebec's and Slovenia's legal forms
            "François Leblanc <fleblanc@bleuneon.example>",
            "Suite à ta rencontre",
            "Ce n'est donc pas toi que nous retenons.\r\n\r\nFrançois Leblanc\r\n"
            "Producteur exécutif\r\nProductions Bleu Néon ltée",
            "Productions Bleu Néon",
        ),
        (
            "Matej Kovačič <matej.kovacic@pohorje-elektronika.example>",
            "Design Engineer – our decision",
            "Dear Mr. Gruber,\r\n\r\nWe have decided to offer the position to another candidate."
            "\r\n\r\nBest regards,\r\nMatej Kovačič\r\nHead of Hardware\r\n"
            "Pohorje Elektronika d.o.o.",
            "Pohorje Elektronika",
        ),
        (  # a mail provider's domain is nobody's employer, even with a suffix on it
            "Nathalie Kieffer <pharmacie.saverne@orange-mail.example>",
            "Re: Candidature",
            "Bonjour,\r\n\r\nNous avons retenu une autre candidature.\r\n\r\n"
            "Cordialement,\r\nNathalie Kieffer",
            None,
        ),
        (  # "Est" inside a name is no French verb; a Taleez relay's no-reply box is no name
            "Pharm'Est Santé - Recrutement <ne-pas-repondre@pharmest.taleez-mail.example>",
            "Réponse à votre candidature : Pharmacien adjoint",
            "Bonjour,\r\n\r\nNous ne donnerons pas suite à votre candidature.\r\n\r\n"
            "L'équipe recrutement",
            "Pharm'Est Santé",
        ),
        (  # "de la" left of a lower-case place is no part of the name
            "Julie Marchand <julie.marchand@valrhodan.example>",
            "Notre échange de mardi",
            "Bonjour Léa,\r\n\r\nNous n'irons donc pas plus loin ensemble pour ce poste. Je "
            "garde votre CV en tête pour les autres sites Valrhodan de la vallée du Rhône.\r\n\r\n"
            "Belle fin de semaine,\r\nJulie",
            "Valrhodan",
        ),
    ],
)
def test_employers_in_subjects_spellings_and_declensions_not_mail_providers(
    sender, subject, body, company
):
    assert _facts(sender, subject, body).company == company


@pytest.mark.parametrize(
    ("subject", "body", "rejection"),
    [
        (
            "Projekt Kapfenberg – Hardware-Testingenieur",
            "Grüß Gott Herr Gruber,\n\nich melde mich wie versprochen zum Projekt bei unserem "
            "Kunden in Kapfenberg.\n\nLeider hat der Kunde die Anforderung für den Hardware-"
            "Testingenieur gestern\nkomplett zurückgezogen – das Testprojekt wird intern "
            "umstrukturiert und die\nStelle nicht besetzt. Damit ist Ihre Bewerbung für dieses "
            "Projekt leider\nhinfällig; ich habe Ihre Unterlagen beim Kunden zurückgezogen.\n\n"
            "Sehr schade, Sie wären aus meiner Sicht ideal gewesen.",
            True,
        ),
        (
            "Gracias por tu candidatura",
            "Hola Rocío:\n\nYa hemos seleccionado a las personas que pasarán a la fase de "
            "entrevistas. Tu perfil no está entre ellas, pero nos ha gustado conocer tu trayectoria.",
            True,
        ),
        (
            "Your application",
            "Dear Aoife,\n\nWe have now selected the candidates we will invite to interview and, "
            "I am sorry to say, you are not among them.",
            True,
        ),
        (  # still open, and an acknowledgement's warning
            "Ihre Bewerbung",
            "Sehr geehrter Herr Gruber,\n\nvielen Dank für Ihre Bewerbung. Die Stelle ist noch "
            "nicht besetzt; wir melden uns in zwei Wochen.",
            False,
        ),
        (
            "Application received",
            "Thank you for applying. We will invite the shortlisted candidates next week; if you "
            "are not among them, please know we read every application.",
            False,
        ),
        (  # the user's own offer to host a trainee, turned down
            "Demande d'accueil de stagiaire – réponse",
            "Madame Dubois,\n\nVous avez proposé d'accueillir une étudiante en soins infirmiers "
            "de 2e année en tant que tutrice dans le cadre du stage de novembre.\n\nNous ne "
            "pouvons pas donner suite à votre proposition : votre structure d'exercice (intérim) "
            "n'est pas agréée comme terrain de stage. Nous vous remercions néanmoins pour votre "
            "engagement dans la formation des futurs professionnels.\n\nLe service des stages – "
            "IFSI du CHU Rive-Gauche",
            False,
        ),
    ],
)
def test_a_post_withdrawn_one_not_among_the_chosen_and_an_offer_to_host(subject, body, rejection):
    verdict = _note("Recruiting <jobs@hirewell.example>", subject, body)
    assert verdict.is_rejection is rejection


@pytest.mark.parametrize(
    ("sender", "body", "contact"),
    [
        (  # a first name alone over a title
            "Quillfeather <no-reply@ashbyhq.com>",
            "Hi Jordan,\r\n\r\nWe won't be moving forward with your candidacy. I'm happy to do a "
            "15-minute call.\r\n\r\nJonas\r\nCo-founder, Quillfeather",
            "Jonas",
        ),
        (  # the display name gives the first name the note is signed with
            "Sam at Hopscotch <no-reply@greenhouse-mail.io>",
            "Hi Jordan,\r\n\r\nWe're not going to move you forward to the next round.\r\n\r\n"
            "Really appreciate your interest in Hopscotch.\r\n\r\nSam",
            "Sam",
        ),
        (  # a first name, then the team it writes for
            "Moda Lunar <no-reply@recruitee.com>",
            "¡Hola Carmen!\r\n\r\nFinalmente no vamos a continuar con la tuya en las siguientes "
            "fases.\r\n\r\nPatricia, del equipo de Personas",
            "Patricia",
        ),
        (  # a chatbot's name is nobody to write to
            "Golden Prairie Snacks <noreply@golden-prairie.paradox-mail.example>",
            "Hi Brandon!\r\n\r\nThis is Olivia, the virtual hiring assistant for Golden Prairie "
            "Snacks. The hiring team has decided not to move forward with you for this role.\r\n"
            "\r\nHave a great day!\r\nOlivia\r\nGolden Prairie Snacks Hiring Assistant",
            None,
        ),
    ],
)
def test_a_first_name_signing_alone(sender, body, contact):
    facts = _facts(sender, "Your application", body)
    assert (facts.contact_name, facts.contact_first_name) == (contact, contact)


@pytest.mark.parametrize(
    ("sender", "subject", "body", "rejection"),
    [
        (
            "Kirchner Lowe Recruiting <recruiting@kirchnerlowe.example>",
            "Kirchner Lowe – Ergebnis des Assessment Centers",
            "Liebe Frau Widmer\n\nVielen Dank für Ihre Teilnahme an unserem Assessment Center vom "
            "12. März für die Position Senior Associate, Sustainability Advisory.\n\nUnsere "
            "Assessorinnen und Assessoren waren von Ihrem Beitrag in der Gruppenübung und Ihrer "
            "klaren schriftlichen Analyse beeindruckt. Dennoch können wir Ihnen dieses Mal leider "
            "kein Angebot unterbreiten.\n\nGerne würden wir Ihre Unterlagen für zukünftige "
            "Gelegenheiten in unserem Talent Pool behalten.",
            True,
        ),
        (
            "Mehmet Yıldız <mehmet@infraflex.example>",
            "Na ons intakegesprek",
            "Hoi Ruben,\n\nBedankt voor het intakegesprek van maandag, leuk om je beter te leren "
            "kennen.\n\nIk heb je profiel intern besproken met onze accountmanagers. Op dit moment "
            "hebben we geen opdrachten lopen in de bruggenbouw, en onze instroom richt zich vooral "
            "op starters. We kunnen je daarom geen dienstverband als Constructeur Infra aanbieden "
            "en sluiten je sollicitatie bij InfraFlex af.\n\nMocht je situatie veranderen of zie "
            "je over een tijdje weer een vacature van ons voorbijkomen, dan hoor ik graag van je."
            "\n\nGroet,\nMehmet Yıldız\nRecruiter Infra\nInfraFlex\n06 5550 1209",
            True,
        ),
        (
            "Chema Lorente <chema@fisiolorente.example>",
            "Lo de la clínica",
            "Hola Sergio, al final no sale lo de incorporarte a la clínica. He hecho números y con "
            "la bajada de pacientes de las mutuas no me llega para otro fisio este año. Lo siento "
            "mucho de verdad.\n\nChema",
            True,
        ),
        (  # one site's post filled, an interview for the same post at another
            "Clínicas Avanza <seleccion@avanzafisio.example>",
            "Tu proceso en Clínicas Avanza: nueva propuesta",
            "Hola Sergio:\n\nLa plaza de Fisioterapeuta de Clínica en Huesca se ha cubierto con una "
            "persona que ya reside allí.\n\nSin embargo, queremos seguir contando contigo en el "
            "proceso: te proponemos una entrevista para la misma posición en Zaragoza.",
            False,
        ),
        (  # the other candidate is out, and the user a finalist
            "Jeroen Van Acker <jeroen@vanacker-consulting.example>",
            "Goed nieuws – volgende ronde Data Protection Officer",
            "Dag Nathalie,\n\nIk kreeg net de feedback van onze klant: ze waren erg positief over "
            "het eerste gesprek en willen je graag terugzien voor een tweede gesprek met de CFO en "
            "de CEO voor de functie van Data Protection Officer!\n\nDe andere kandidaat die ze "
            "deze week zagen, valt af, dus je bent nu een van de twee finalisten.\n\nIk stel voor "
            "dat we dinsdagavond even bellen om je voor te bereiden. Past 18u voor jou?\n\n"
            "Groeten,\nJeroen\n\nJeroen Van Acker\nManaging Partner\nVan Acker Consulting",
            False,
        ),
        (  # an editor passing on a pitch
            "Opinion Desk <opinion@alpineledger.example>",
            "Re: Pitch: Why Swiss SMEs should care about CSRD",
            "Dear Corinne,\n\nThanks for thinking of The Alpine Ledger. We read your pitch with "
            "interest, but we're going to pass on this one.\n\nBest,\nOpinion Desk",
            False,
        ),
    ],
)
def test_no_offer_no_contract_and_what_keeps_the_user_in(sender, subject, body, rejection):
    assert _note(sender, subject, body).is_rejection is rejection


@pytest.mark.parametrize(
    ("sender", "body", "company", "contact"),
    [
        (  # "Global" is what is left of the team, not the company
            "Talent Acquisition <donotreply@icims.com>",
            "Dear Corinne,\r\n\r\nWe have decided to pursue other candidates.\r\n\r\nSincerely,"
            "\r\n\r\nGlobal Talent Acquisition\r\n\r\nOstara Chemicals | Global Talent Acquisition",
            "Ostara Chemicals",
            None,
        ),
        (  # signed on her company's behalf, under its department
            "Personalabteilung Maschinenfabrik Tössthal <personal@toessthal-mf.example>",
            "Sehr geehrte Frau Widmer\r\n\r\nLeider können wir Ihre Bewerbung nicht "
            "berücksichtigen.\r\n\r\nMit freundlichen Grüssen\r\n\r\nMaschinenfabrik Tössthal AG"
            "\r\nPersonalabteilung\r\n\r\ni.A. Heidi Brunner",
            "Maschinenfabrik Tössthal",
            "Heidi Brunner",
        ),
        (  # the P&O department before its water board
            "P&O Waterschap Lekdal <peno@lekdal.example>",
            "Beste heer De Graaf,\r\n\r\nDe vacature is intern ingevuld.\r\n\r\nMet vriendelijke "
            "groet,\r\nAfdeling P&O\r\nWaterschap Lekdal",
            "Waterschap Lekdal",
            None,
        ),
        (  # its offices under its name
            "Talent Acquisition <no-reply@greenhouse-mail.io>",
            "Hi Sergio,\r\n\r\nThank you for applying for the role at our Madrid clinic. We won't be "
            "taking your application forward.\r\n\r\nKind regards,\r\n\r\nTalent Acquisition\r\n"
            "Helix Sports Performance Ltd\r\nManchester · London · Madrid",
            "Helix Sports Performance",
            None,
        ),
        (  # the organisation signs alone, named as the employer above
            "Recrutement <no-reply@teamtailor-mail.com>",
            "Bonjour Nathalie,\r\n\r\nMerci pour l'intérêt que vous portez à Pavonis. Nous ne "
            "sommes pas en mesure de retenir votre candidature.\r\n\r\nÀ bientôt peut-être,\r\n"
            "Pavonis",
            "Pavonis",
            None,
        ),
    ],
)
def test_teams_departments_offices_and_signing_on_behalf(sender, body, company, contact):
    facts = _facts(sender, "Your application", body)
    assert (facts.company, facts.contact_name) == (company, contact)
