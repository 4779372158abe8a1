"""Who sent a rejection and about what: company, contact, role and where a reply should go.

Pure functions over an `Email`; every field is None when the email does not say.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from .detect import FREEMAIL, names_ats, own_text
from .language import guess_language
from .literals import Prefiltered
from .mail.parse import Email

NO_REPLY_LOCAL = re.compile(
    r"^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|donotreply|notifications?|mailer[-_.]?daemon|"
    r"postmaster|bounce[s]?|auto[-_.]?confirm|system|alerts?|jobalerts?|noreply[-_.].*|"
    r"no[-_.]?responder|no[-_.]?contestar|ne[-_.]?pas[-_.]?repondre|nicht[-_.]?antworten|"
    r"niet[-_.]?beantwoorden|geen[-_.]?antwoord|notificaciones|notificacoes|"
    # a data-protection mailbox answers about data, not about a job
    r"rgpd|gdpr|dpo|privacy|datenschutz|protecciondedatos|proteccion[-_.]?datos|privacidad)$",
    re.I,
)
NO_REPLY_DOMAIN = re.compile(
    r"(?:^|\.)(?:myworkday\.com|greenhouse-mail\.io|greenhouse\.io|hire\.lever\.co|lever\.co|"
    r"smartrecruiters\.com|icims\.com|ashbyhq\.com|taleo\.net|bamboohr\.com|jobvite\.com|"
    r"teamtailor-mail\.com|teamtailor\.com|recruitee\.com|homerun\.co|workablemail\.com|"
    r"workable\.com|"
    r"successfactors\.com|applytojob\.com|breezy\.hr|linkedin\.com|indeed\.com|"
    r"personio\.de|personio\.com)$",
    re.I,
)

ORG_WORDS = re.compile(
    r"\b(?:team|talent|recruit\w*|careers?|jobs?|hiring|hr|\w*praktijk|human resources|people|"
    r"acquisition|"
    r"department|notifications?|no-?reply|inc|gmbh|ltd|llc|s\.?a\.?|b\.?v\.?|group|company|"
    r"personal|rekrutierung|recrutement|reclutamiento|werving|selectie|équipe|equipo|ihr|ihre|"
    r"dein|deine|euer|afdeling|departamento|departement|département|groupe|grupo|service|"
    r"servicio|dienst|hospital|university|universität|université|universidad|labs?|systems|"
    r"software|studio|solutions|technologies|consulting|partners|\w*bank|deutsche|capital|holdings|"
    r"aviation|crewing|airlines?|airways|aerospace|jets|tandartspraktijk|mondzorgpraktijk|"
    r"cabinet|dentaire|orthodontie|orthodontic|dental|secr[ée]tariat|spedition|stückgut|transporte|"
    r"foundation|stiftung|fundación|ressources humaines|recursos humanos|personalabteilung|"
    r"union|society|association|council|trust|institute|college|school|agency|authority|"
    r"bwrdd|cyngor|prifysgol|iechyd|llywodraeth|ysgol|canolfan|gwasanaeth|adran|cymdeithas|"
    r"personalgewinnung|personalmarketing|hr services|rrhh|"
    r"direction|direcci[oó]n|selecci[oó]n|gesti[oó]n|atracci[oó]n|talento|"
    r"gemeente|provincie|ville|mairie|commune|ayuntamiento|stadt|gemeinde|"
    r"hotel|hostel|clinic|cl[ií]nicas?|klinik|kliniek|ziekenhuis|academy|academie|akademie|"
    r"marketing|engineering|banque|banco|coop[ée]rative|talents|h[ôo]pital|hospitalier|centre|"
    r"logisti\w*|logistik|ingenieurb[üu]ro|planungsb[üu]ro|holzbau|bau|stadtwerke|"
    r"p[âa]tisseries?|boulangerie|papeterie|papeti[èe]re|fromagerie|biscuiterie|brasserie|"
    r"brewery|plumbing|wholesale|retail|[ée]nergies?|industries|gruppe|viajes|resorts?|hoteles|"
    r"hotels|posada|hostal|kinderopvang|welzijn|zorg|az|ocmw|clb|gerencia|coordinaci[oó]n|"
    r"administraci[oó]n|despacho|comercializadora|laboratorios?|bodegas?|inmobiliari[ao]|"
    r"consultores|abogados|contadores|bebidas|cosm[ée]ticos|aceros|cementos|inversiones|"
    r"distribuidora|transportes|constructora|steuerb[üu]ro|kanzlei|praxis|pharma|mvz|\w+team|"
    r"apotheke|apotheek|farmacia|pharmacie|pharmacy|"
    r"\w+management|"
    r"services|instruments|materials|electronics|resources|dynamics|analytics|robotics|"
    r"therapeutics|diagnostics|foods|motors|metals|plastics|components|products|networks|"
    r"communications|semiconductors|devices|sciences|biosciences|enterprises|ventures|"
    r"builders|contractors|developers|textiles|chemicals|minerals|utilities|support|tech|"
    r"operations|\w*spital|directie|\w*gerencia|secretariaat|secretariat|cooperativa|"
    r"tecnolog[ií]a|laboral|center|agencia|lets|lettings|estates|properties|homes|housing|"
    r"resourcing|hub|offshore|base|terminals?|shipping|maritime|bulk|cargo|commodities|freight|"
    r"chartering|tankers?|colegios?|personalamt|verwaltung|tischlerei|atelier|agence|planning|vacantes|"
    r"healthcare|\w*insurance|assurances?|versicherung\w*|verzekering\w*|seguros|mutual|mutuelle|"
    r"hi|hello|hey|dear|hallo|hola|buenas|buenos|saludos|bonjour|beste|hoi|liebe|moin|servus|"
    r"secretar[ií]a|área|portal|"
    r"lieber|estimad[oa]|cher|chère|geachte|thanks|thank|regards|salut|bonsoir|guten|grüezi|"
    r"sorry|madame|monsieur|querid[oa]|goedemorgen|goedemiddag|gracias|danke|merci|"
    # the words of a unit or a trade, in front of its organisation's name
    r"cellule|p[ôo]le|personeelsdienst|personaldienst|excavaciones|comercial|notar[ií]a|"
    r"asesor[ií]a|telecomunicaciones|[àá]rea|energ[ií]a|energy|solar|renewables|renovables)\b",
    re.I,
)
# What an agency's name may end in ("Bluegum Health Recruitment"), and an employer's team too
# ("Northmere Bank Recruitment"): kept only in mail that speaks of a client (see _company).
_AGENCY_WORDS = r"(?:talent|recruitment|recrutement|werving|personal|talento|empleo)"
_AGENCY_SUFFIX = re.compile(rf"\s+{_AGENCY_WORDS}\s*$", re.I)
_AGENCY_TEXT = re.compile(
    r"\b(?:our|my|the|your|notre|mon|le|onze|mijn|de|unser\w*|unseren?|nuestro|el)\s+(?:client|"
    r"clients|klant|opdrachtgever|kunde|kunden|mandant\w*|cliente)\b|\bconsultant\b",
    re.I,
)
COMPANY_SUFFIX = re.compile(
    r"\s*(?:[-–|,:]\s*)?\b(?:the\s+)?(?:talent acquisition|recruiting|"
    r"careers?|jobs|hiring|hr|people|human resources|people operations|selección|"
    r"seleccion|rh|rrhh|ressources humaines|recursos humanos|personalabteilung|"
    r"gestión humana|talento humano|personalgewinnung|hr services|drh|grh|servicio de\s*\w*|"
    r"service du personnel|personalmanagement|personalamt|bewerbermanagement|bewerbungen|"
    r"karriere|karriereportal|jobportal|carrières|carrieres|acquisition de talents|dotation|vacatures|"
    r"rekrutacja|rekrutacje|(?:open|assessment|recruitment) days?)(?:\s+(?:team|"
    r"department|group))?\s*$|\s+(?:team|via \w+.*)\s*$"
    rf"|\s*[-–|,:]\s*(?:the\s+)?{_AGENCY_WORDS}(?:\s+(?:team|department|group))?\s*$"
    rf"|\s+(?:the\s+)?{_AGENCY_WORDS}\s+(?:team|department|group)\s*$"
    rf"|^\s*{_AGENCY_WORDS}\s*$",  # the team's word alone: "Recrutement <jobs@...>"
    re.I,
)
# a shared service centre of the company: "Tidewell Global Business Services", "Halvorsen Group
# Finance Centre Kraków", "Baltrum Bank Technology & Operations Centre"
_SERVICE_CENTRE = re.compile(
    r"\s+(?:global business services|(?:business|shared) services cent(?:re|er)|(?:finance|"
    r"technology(?: (?:&|and) operations)?|operations|delivery|competence|shared services?) "
    r"cent(?:re|er)(?: [A-ZÀ-Þ]\w+)?)\s*$",
    re.I,
)
_SIGN_OFFS = (
    "best",
    "best wishes",
    "best regards",
    "kind regards",
    "kindest regards",
    "with kind regards",
    "with best regards",
    "with warm regards",
    "with warmest regards",
    "warm regards",
    "warmly",
    "regards",
    "many thanks",
    "thanks",
    "thank you",
    "cheers",
    "sincerely",
    "yours sincerely",
    "yours",
    "all the best",
    "with best wishes",
    "take care",
    "respectfully",
    "mit freundlichen grüßen",
    "mit freundlichen grüssen",
    "viele grüße",
    "beste grüße",
    "freundliche grüße",
    "liebe grüße",
    "alles gute",
    "mfg",
    "alles gute und liebe grüße",
    "alles gute und liebe grüsse",
    "herzliche grüße",
    "sonnige grüße",
    "sonnige grüsse",
    "freundliche grüsse",
    "viele grüsse",
    "beste grüsse",
    "liebe grüsse",
    "herzliche grüsse",
    "mit herzlichen grüßen",
    "mit herzlichen grüssen",
    "mit besten grüßen",
    "mit besten grüssen",
    "schöne grüße",
    "cordialement",
    "bien cordialement",
    "bien à vous",
    "salutations",
    "meilleures salutations",
    "sincères salutations",
    "saludos",
    "un saludo",
    "saludos cordiales",
    "atentamente",
    "atte",
    "lg",  # Liebe Grüße, as a phone writes it
    "glg",
    "vg",
    "mfg",
    r"\w+e gr(?:ü|ue)(?:ß|ss)e",  # "Sportliche Grüße"
    "un abrazo",
    "met vriendelijke groet",
    "vriendelijke groet",
    "hartelijke groet",
    "groeten",
    "groet",
    "met hartelijke groet",
    "met vriendelijke groeten",
    "vriendelijke groeten",
    "hartelijke groeten",
    "groetjes",
    "cordialmente",
    "un cordial saludo",
    "reciba un cordial saludo",
    "un saludo cordial",
    "un fuerte abrazo",
    "un abrazo grande",
    "salutacions",  # Catalan
    "salutacions cordials",
    "una abraçada",
    "gruss",
    "gruß",
    "gruess",
    "sportieve groeten",
    "met sportieve groeten",
    "warme groet",
    "warme groeten",
    "au plaisir",
    "bonne journée",
    "à bientôt",
    "amicalement",
    "bien amicalement",
    "abrazos",
    "speak soon",
    "talk soon",
    "warmest regards",
    "thanks & regards",
    "thanks and regards",
    "thanks & best regards",
    "thanks and best regards",
    "with regards",
    "with thanks",
    "thanks again",
    "all best",
    "hoogachtend",
    "gr",
    "grt",
    "mvg",
    "cordiali saluti",  # Italian, under a German note from South Tyrol or Ticino
    "distinti saluti",
    "salutations distinguées",  # the end of "... l'expression de mes salutations distinguées."
    "sentiments distingués",
    "sentiments les meilleurs",
    "bonne fin de journée",
    "le gach dea-ghuí",  # Irish
    "is mise le meas",
    "go raibh maith agat",
    "le meas",
    "cofion gorau",  # Welsh
    "cofion",
    "yn gywir",
    "diolch",
)
# Longest first: "Best wishes," is the whole sign-off, not "Best" and a name "wishes".
SIGN_OFF = re.compile(
    rf"^(?:{'|'.join(sorted(_SIGN_OFFS, key=len, reverse=True))})\b[ ,.!]*(.*)$", re.I
)
# ... or greetings closing a last sentence: "Alles Gute für Ihren Weg und liebe Grüße aus Salzburg"
_GREETINGS = [
    s for s in _SIGN_OFFS if re.search(r" (?:grü|regards|wishes|groet|salu)|distingu|sentiments", s)
]
SIGN_OFF_ENDING = re.compile(
    rf"\b(?:{'|'.join(sorted(_GREETINGS, key=len, reverse=True))})"
    r"(?: (?:aus|from|de|desde|uit|vom|von) (?:dem |der |de la |del )?\w+)?[ ,.!]*$",
    re.I,
)
HONORIFIC = re.compile(
    r"^(?:(?:mag\.a|dr\.in|dr\.-ing|\(fh\)|dipl\.-?[a-zäöü]+|dr|lic|ing|mmag|mag|professor(?:in)?|professeure?|"
    r"profesora?|prof|mr|mrs|ms|mx|sr|sra|dott|ir|drs|dre|dra|lcd[oa]|licd[oa]|abg|arq|econ|mgs|msc|"
    r"ddr|(?-i:DI)|(?-i:Pr)|apr|i\. ?a|ppa|oberin|schwester)\.?\s+)+",
    re.I,
)
NAME_PARTICLES = {
    "van",
    "von",
    "de",
    "der",
    "den",
    "la",
    "le",
    "del",
    "da",
    "di",
    "du",
    "ten",
    "ter",
    "y",
    "i",  # Catalan: "Casals i Rovira"
    "bin",
    "al",
    "ap",  # Welsh
    "ab",
    "dos",
    "das",
    "zu",
    "Ó",  # Irish
    "Ní",
    "Nic",
    "Mac",
    "Uí",
}
LEGAL_SUFFIX = re.compile(
    r",?(?<!&)\s+(?:(?:gmbh|ag|se|ltd) ?& ?co|"  # but "Kibble & Co" is a name
    r"inc|ltd|llc|llp|plc|gmbh|ag|se|sa|s\.a|sl|s\.l|bv|b\.v|nv|n\.v|sarl|sas|lt[ée]e|"
    r"limit[ée]e|d\.o\.o|"
    r"pty|pte|co|corp|limited|kg|oy|ab|as|aps|srl|spa|pvt|s\.a\. de c\.v|sa de cv|e\.i\.r\.l|"
    r"partg(?: ?mbb)?|scrl(?:fs)?|v\.o\.f|vof|"
    r"partnerschaft(?:sgesellschaft)?(?: von rechtsanwälten)?(?: mbb)?|rechtsanwälte|rechtsanwaltsgesellschaft|"
    r"steuerberatungsgesellschaft|wirtschaftsprüfungsgesellschaft|"
    r"uk|usa|emea|dach|benelux|deutschland|nederland|poland|polska|eg|e\. ?v|ev|r\.l|mbh|ohg|kgaa|ug|ggmbh|asbl|aisbl|vzw|"
    r"w\.l\.l|wll|fz-?llc|fze|fzco|l\.l\.c|aör|kdör|m\.b\.h|"
    r"cic|cio|aarpi|selarl|sprl|dac|mbb|partnerschaft(?: mbb)?|og|zt|s\.? ?[àa]\.? ?r\.? ?l|ziviltechniker\w*|"
    r"chartered accountants|e\.k|s\.a\.c|sac|s\. de r\.l\.(?: de c\.v)?|s\.r\.l|ltda|e\.u|s\.p\.a|"
    r"s\.a\.p\.i(?: de c\.v)?|sapi(?: de cv)?|s\.a\.s|s\.a\.a|eirl|ett|a/s|s\.e\.n\.c(?:\.r\.l)?|"
    r"(?:s\. ?)?coop\. ?v|s\. ?coop|koop\. ?elk|"
    r"sp\. ?z ?o\. ?o|(?-i:Sp)|sp\. ?k|sp\. ?j|s\. ?r\. ?o|a\. ?s|ges\. ?m\. ?b\. ?h|clg|"  # Polish, Czech, Austrian, Irish
    r"(?:gmbh|ag|sa) ?/ ?(?:srl|s[àa]rl|sa|ag|spa))\.?$",  # bilingual: "GmbH/Srl", "AG / SA"
    re.I,
)
# The HR team before the company: "Personalabteilung Brandt & Söhne", "Ressources humaines –
# Érable Financière", "Werving & Selectie Gemeente Veendrecht".
TEAM_PREFIX = re.compile(
    r"^(?:hr|p&o|rechtsanwälte|dotation|affichages?|acquisition de talents|personalabteilung|personalberatung|werving (?:&|en) selectie|ressources humaines|"
    r"recursos humanos|rrhh|portal de empleo|bolsa de (?:empleo|trabajo)|secrétariat(?: rh)?|"
    r"servicio de personal(?: docente e investigador| de administración y servicios)?|selección|"
    r"(?:e-?)?recrutement|talent acquisition|human resources|(?:e-?)?recruitment|"
    r"werving|secretaría(?: general)?|sede electrónica|direction|directie|personalamt|personalservice|"
    r"bewerbungsmanagement|jobs|careers|carrières|vacatures)"
    r"(?:(?:\s*[-–|·:]\s*|\s+(?:de la|de|der|du|van|bei|at|chez)\s+|\s+)(?=(?-i:[A-ZÀ-Þ]))|\s*$)",
    re.I,
)
TITLE_WORDS = re.compile(
    r"\b(?:manager|recruiter|engineer|director|lead|head|(?<!& )partner(?:in)?|specialist|"
    r"coordinator|officer|geschäftsf[üu]hr\w*|(?:rechts|fach)anw[aä]lt(?:in)?|richter(?:in)?|tandarts|dentiste|orthodontiste|notar(?:in)?|"
    r"syndikus\w*|justiziar(?:in)?|assisten\w*|sekretariat|bürgermeister\w*|"
    r"direktor\w*|attachée?|(?:co-|mit)?(?:founder|gründer)(?:in)?|sachgebiet|referat|hauptamt|"
    r"vp|vice president|founder|co-founder|ceo|cto|cfo|coo|president|consultant|advisor|"
    r"associate|analyst|sourcer|generalist|assistant|executive(?! search| jets?| aviation| air\b| homes| cars| travel| coaches| suites)|principal|teamleiter\w*|teamleitung|"
    r"leiter\w*|\w+(?<!halb)leiter(?:in)?|personalreferent\w*|responsable|chargée?|directeur|directrice|"
    r"reclutador\w*|responsable|jefe|gerente?|recruiter|wervings\w*|hoofd|teamleider|medewerker|"
    r"adviseur|coördinator|chef|cheffe|coordinatrice|coordinateur|conseill[eè]re?|secrétaire|"
    r"secretary|avocate?|advocaat|attorney|solicitor|directora|supervisor\w*|kanzler\w*|"
    r"headteacher\w*|pennaeth|titular|governors?|jefa|vorstand\w*|agente de gestion|cap del?|"
    r"\w+leitung|inhaber(?:in)?|apotheker(?:in)?|pharmacien(?:ne)?|consultante|leader|"
    r"chair(?:person)? of (?:the )?(?:trustees|board|governors))\b",
    re.I,
)
# A unit of the organisation, not the organisation: "Ward 12 Respiratory", "Amt für Jugend".
_DEPARTMENT = re.compile(
    r"(?:ward \d+|(?:main )?theatres|unidad|[àá]rea de (?:recursos|persona|personal|selecci)|"
    r"cellule|uci|servicio|coordinación|dirección|"
    r"departamento|département|grupo de (?!empresas)|personal und|(?:personal|zentral)?referat|"
    r"zentralbereich|präsidialabteilung|amt für|abteilung|dezernat|fachbereich|sachgebiet|afdeling|"
    r"service des?|pôle|unité|hôpital de jour|direction (?:des?|du)|regulatory affairs|"
    r"medical affairs|people (?:&|and) culture|(?:pharmacie|pharmacy)$|(?:acute|medical|surgical|"
    r"assessment|intensive|critical|day|coronary|stroke|renal|maternity|neonatal)(?: \w+)? unit$)\b",
    re.I,
)
# What a signature's organisation may be named at length: "Hospital Universitario Virgen de
# la Alcazaba", "Southmere University Hospitals NHS Foundation Trust".
_INSTITUTION = re.compile(
    r"\b(?:hospitals?|trust|council|universit\w*|ziekenhuis|gemeente|ayuntamiento|health board|"
    r"nhs|kreis|stadt|landkreis|clinic|clínica|klinikum|centre|center|centro|county|borough|"
    r"school|ysgol|academy|college|lycée|ehpad|résidence)\b",
    re.I,
)
_CONNECTORS = frozenset(
    [
        "of",
        "for",
        "the",
        "and",
        "de",
        "del",
        "la",
        "las",
        "los",
        "y",
        "und",
        "für",
        "van",
        "der",
        "den",
        "het",
        "du",
        "des",
        "et",
        "le",
        "les",
        "l",
        "d",
        "el",
        "i",
        "e",
        "voor",
        "di",
        "della",
        "para",
        "per",
        "die",
        "en",
        "am",
        "im",
    ]
)
EMAIL_IN_TEXT = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_CAP = r"[A-Z0-9À-ÖØ-Þ][\w&'’+-]*(?:\.[A-Za-z0-9][\w&'’+-]*)*(?:/[A-Z]\w*)?"  # "A/S", "GmbH/Srl"
COMPANY_NAME = (
    rf"{_CAP}(?:(?:[ \t]+|-)(?:&[ \t]+)?(?:{_CAP}|(?:of|and|de|du|la|für|van|del|des|der|y|&|"
    rf"in(?= Wales))(?!\w))|[ \t]+[dl]['’]{_CAP})*"  # "Pain d'Armor"
)
_CAPITALISED_NAME = re.compile(COMPANY_NAME)
_WRAPPED_NAME = COMPANY_NAME.replace(
    "[ \\t]+", "(?:[ \\t]+|[ \\t]*\\n[ \\t]*)"
)  # a line may wrap in it
_COMPANY_PATTERNS = [
    re.compile(p)
    for p in (
        rf"\b(?i:positions?|roles?|openings?|vacancy|vacancies|jobs?|opportunity|opportunities|"
        rf"careers?)\s+(?i:at|with)\s+({COMPANY_NAME})",
        rf"\b(?i:application|candidacy|interest|applying|applied)\s+(?i:to|at|with|in)\s+"
        rf"(?:(?i:the)\s+)?((?>{COMPANY_NAME}))(?![ \t]+(?i:role|position|vacancy|opening|job)\b)",
        rf"\b(?i:here at|everyone at|all of us at|on behalf of(?: the)?(?: team at)?|"
        rf"team at|joining|join)\s+({COMPANY_NAME})",
        rf"\b(?i:bewerbung bei|interesse an|bei der|bei)\s+({COMPANY_NAME})",
        rf"\b(?i:candidature chez|intérêt pour|candidature au sein de|chez|intérêt que vous "
        rf"(?:portez|avez porté|avez manifesté) (?:à|pour))\s+({COMPANY_NAME})",
        rf"\b(?i:candidatura en|interés en|interés por)\s+({COMPANY_NAME})",
        rf"\b(?i:sollicitatie bij|interesse in|bij)\s+({COMPANY_NAME})",
    )
]
# How a job board passing on an employer's decision names the employer: "La empresa Moda
# Tepeyac revisó tu CV", "Le recruteur Ô Quai de Saône a mis à jour", "Employer: ...".
_EMPLOYER_STATED = [
    re.compile(p)
    for p in (
        rf"\b(?i:organisation|organization|employer|empresa|entidad|unternehmen|arbeitgeber|"
        rf"entreprise|employeur|organisatie|werkgever|company|agency|société|bedrijf|firma)"
        rf"[ \t]*:[ \t]*({COMPANY_NAME})",
        rf"(?m:^)Department[ \t]*:[ \t]*((?:Department|Ministry|Office) (?:for|of) {COMPANY_NAME}|HM {COMPANY_NAME})",
        rf"\b(?:La|la) empresa ({COMPANY_NAME}) (?:ha|revisó|decidió|respondió|actualizó)",
        rf"\bde la empresa ({COMPANY_NAME}) (?:ha|no)",
        rf"\b({COMPANY_NAME}) (?:ha actualizado el estado|revisó tu|respondió a tu|ha revisado tu)",
        rf"\b(?:Le|le) recruteur (?:de )?({COMPANY_NAME}) a\b",
        rf"\b(?:L'|l'|L’|l’)entreprise ({COMPANY_NAME}) a\b",
        rf"\b({COMPANY_NAME}) has reviewed your application",
        rf"\b({COMPANY_NAME}) hat (?:deine|Ihre) Bewerbung",
        rf"\b({COMPANY_NAME}) a (?:examiné|étudié|consulté|répondu à) votre candidature",
        rf"\b(?i:une réponse de|respuesta de|eine Antwort von|a response from) ({COMPANY_NAME})"
        rf" (?:concernant|sobre|zu|about|regarding)",
        rf"\b({COMPANY_NAME}) heeft (?:je|jouw|uw) sollicitatie",
        # job boards' notices: "publicado por ISAPRE SALUD AUSTRAL", "publiée par Atlas Sport
        # Retail", "Yaguarón IT finalizó el proceso", "el aviso ... de Supermercados del Valle
        # cambió de estado"
        rf"\b(?:publicad[oa]|publiée?|proposée?|veröffentlicht|gepubliceerd|posted|published)\s+"
        rf"(?:par|por|von|door|by)\s+(?:l['’]entreprise\s+)?({_WRAPPED_NAME})",
        rf"\b({COMPANY_NAME}) (?:finalizó|cerró|ha finalizado|ha cerrado) el proceso",
        # a professional network's notice: "Your update from Redwood Instruments",
        # "Unfortunately, Redwood Instruments will not be moving forward", "Copperhead Gas
        # Services sent you a message about your application"
        rf"\b(?i:your update from) ({COMPANY_NAME})",
        rf"\b(?:Unfortunately|Regrettably),? ({COMPANY_NAME}) (?:will not|won't|has decided|"
        rf"decided|is not moving|has chosen)",
        rf"\b({COMPANY_NAME}) sent you a message about your application",
        # "Ubuntu Mutual Bank has decided not to continue with your application", "... declined
        # your profile"
        rf"(?m:^)({COMPANY_NAME}) (?:has decided not to (?:continue|proceed|move forward|progress)|"
        rf"(?:has )?declined your (?:profile|application))",
        # "Tu candidatura a Recepcionista administrativo/a en Vitalia Fitness ya no sigue",
        # "Vous avez postulé à l'offre « Comptable Unique » de SARL Bâtisseurs du Sud"
        rf"\b(?i:tu candidatura|tu postulación) a [^\n.]{{3,80}}? en ({COMPANY_NAME})",
        rf"\b(?:à l'|à l’)offre « [^»\n]{{2,80}} » (?:de|chez) ({COMPANY_NAME})",
        rf"\bde ({_CAP}(?:[ \t]+(?:{_CAP}|del|y|&))*) cambió de estado",
    )
]
# The name of a recruiting team ("Cervecería Altamira – Talento"), and what else a team
# signing for its organisation calls itself, in the languages of the mail.
_TEAM_NAME = re.compile(
    r"(?:talent[oe]?s?|recruiting|recruitment|recrutement|hr|rrhh|people|careers?|jobs|"
    r"personal\w*|selecci[oó]n|reclutamiento|werving(?: (?:&|en) selectie)?|human resources|"
    r"recursos humanos|ressources humaines|talent acquisition|rekrutierung)(?:\s*/\s*\w+)?",
    re.I,
)
_TEAM_WORD = rf"(?:{_TEAM_NAME.pattern}|hiring|rh|carrières|personas|p&o)"
_TEAM_LINE = re.compile(  # "Recruiting Team", "Talent Acquisition", "Equipo de Selección"
    rf"(?i:(?:the |our |your |el |l['’])?(?:(?:equipo|équipe|team) (?:de |du |des )?)?"
    rf"(?:{_TEAM_WORD})(?: team)?)"
)
_TEAM_SIGNING = re.compile(
    rf"(?i:the|your) ({COMPANY_NAME})(?i: {_TEAM_WORD})? (?i:team)"
    rf"|(?i:ihr|dein|euer|das) (?i:{_TEAM_WORD}-?)?(?i:team) (?i:von|der|des|bei) (?:der )?"
    rf"({COMPANY_NAME})"
    rf"|(?i:l['’]équipe)(?i: {_TEAM_WORD})?(?: (?:de|du|chez)|[ \t]*[—–-]|) (?:l['’])?"
    rf"({COMPANY_NAME})"
    rf"|(?i:el )?(?i:equipo)(?i: de {_TEAM_WORD})? de ({COMPANY_NAME})"
    rf"|(?i:het )?(?i:{_TEAM_WORD} ?)?(?i:team) (?i:van) ({COMPANY_NAME})"
)
# A subject that starts with the employer: "Pinecrest Analytics: your application for ..."
_APPLYING = r"(?i:application|candidature|candidatura|bewerbung|sollicitatie)"
_SUBJECT_EMPLOYER = re.compile(
    rf"({COMPANY_NAME})[ \t]*(?::|[ \t][|–—-])[ \t]+(?i:(?:an? )?update|your application|"
    rf"actualización|mise à jour|aktualisierung|estado|statut|status|suivi|retour|respuesta|"
    rf"réponse|antwort|rückmeldung|terugkoppeling|next steps|application|regarding|thank|"
    rf"(?:the )?outcome|feedback|ihre bewerbung|deine bewerbung|"
    rf"votre candidature|tu candidatura|tu postulación|su candidatura|je sollicitatie|"
    rf"uw sollicitatie)\b"
    # "Ceramix Additives – Technical Service Chemist application"
    rf"|({COMPANY_NAME})[ \t]+[|–—][ \t]+[^\n]{{3,60}}?[ \t]{_APPLYING}$"
    # "Actualización sobre tu candidatura – Tartessia Energy"
    rf"|[^\n]*?{_APPLYING}[ \t]+[|–—-][ \t]+({COMPANY_NAME})$"
)
# "Oakhurst Renewables: PV Performance Engineer", where the text names the same role
_SUBJECT_PAIR = re.compile(rf"({COMPANY_NAME})[ \t]*(?::|[ \t][|–—-])[ \t]+(\S[^\n]{{3,80}})")
_SUBJECT_WORDS = re.compile(
    rf"(?i)\b(?:{_APPLYING}|update|status|absage|"
    r"job|position|stelle|vacature|vacante|offre|interview|entrevista|entretien|gesprek|feedback|"
    r"outcome|decision|résultat|resultado|ref|req|requisition|thank|thanks|merci|gracias|danke|"
    r"kandidatur|seguimiento|suivi|your|ihre|votre|tu|su|uw|je)"
)
_ROLE_WORD = r"[A-ZÀ-ÖØ-Þ][\w/&+#’'-]*(?:\.\w+)*"


# a word of a role written in lower case, not one of the little words that end it
_ANY_ROLE_WORD = (
    r"(?!(?i:et|je|nous|vous|qui|que|pour|avec|au|aux|à|dans|sur|le|la|les|un|une|est|a|chez|"
    r"par|mais|ou|ne|il|elle|on|ce|cette|votre|notre|y|el|los|las|con|para|por|en|es|se|lo|"
    r"ik|het|een|is|niet|bij|met|op|te|zijn|und|der|die|das|ist|wir|sie|bei|mit|im|in|an|zu|"
    r"for|and|the|at|with|to|we|but|has|have|qu|de|d|du|des|del|van|voor|aan|naar|dus|ook|al|"
    r"helaas|uiteindelijk|ondertussen|inmiddels|aangeboden|ingevuld|gebeld|gegeven|gaat|ga|ya|"
    r"contigo|está|ha|sera|auprès|location|reference|closing|salary|department|standort|ort)"
    r"\b|(?i:n|l|qu|j|c|s)['’])[\w’'][\w’'/()%-]*"
)


def _word(*phrases: str, any_case: bool = True) -> str:
    """Whole words as a pattern that starts with their letters, the word boundary checked
    after them: the regex engine skips ahead to those letters ("Das Feedback" is no "as")."""
    spellings = (
        dict.fromkeys(v for p in phrases for v in (p, p[0].upper() + p[1:], p.upper()))
        if any_case
        else phrases
    )
    return "(?:" + "|".join(f"{re.escape(v)}(?<!\\w{re.escape(v)})" for v in spellings) + ")"


ROLE_TITLE = (
    rf"(?:(?:{_ROLE_WORD}|of|and|for|&|in|de|del|y|du|des|la|le|en|für|und|van|voor)\s+){{0,7}}"
    rf"(?:{_ROLE_WORD}(?:\s\([^)]{{2,30}}\))?)"
)
_ROLE_PATTERNS = [
    re.compile(p)
    for p in (
        rf"\b(?i:for|to|in) (?:the |our |this )?(?:role of |position of )?({ROLE_TITLE})"
        rf"(?: \([^)]{{1,20}}\))? (?i:position|role|job|opening|vacancy|opportunity)\b",
        rf"{_word('the', 'our', 'this')} ({ROLE_TITLE}) (?i:position|role|opening|"
        rf"vacancy|job|spot|search|contract|opportunity|programme|program|vacature|stelle)\b",
        rf"\b(?i:position|role|job|vacancy) (?i:of|as) (?:an? )?({ROLE_TITLE})",
        rf"\b(?i:application for|applying for|applied for|interview for|interviewing for)"
        rf" (?:the |our |an? )?({ROLE_TITLE})",
        # not "Als Begründung", nor someone's past: "bereits als Werkstudentin", "worked as a PIC"
        rf"{_word('as', 'als', 'comme', 'como', any_case=False)}(?<!erfahrung als)"
        rf"(?<!bereits als)(?<!schon als)(?<!worked as)(?<!experience as)(?<!qualifikation als)"
        rf" (?:an? |ein |eine |einen |un |une )?({ROLE_TITLE})",
        rf"\b(?i:poste de|puesto de|posición de|functie van|functie als|stelle als|"
        rf"position als|poste d')\s*({ROLE_TITLE})",
        # "de functie Projectleider Utiliteitsbouw", "la vacante de Gerente Comercial", "die
        # Position Assistant Tax", "the post of Marketing Manager"
        _word(
            *("functie", "vacature", "procedure voor", "sollicitatie voor", "sollicitatie op"),
            *("sollicitatie naar", "vacante de", "oferta de", "búsqueda de", "la plaza de"),
            *("una plaza de", "cargo de", "candidatura para", "die Position", "der Position"),
            "the post of",
        )
        + rf"(?: de functie| de vacature)? ({ROLE_TITLE})",
        # a job board quotes it: 'el cargo "Psicólogo Laboral"', "l'offre « Magasinier Chef »"
        _word(
            "cargo", "aviso", "offre", "oferta", "poste", "Stelle", "vacature", "position", "role"
        )
        + rf"\s*[«\"“„]\s*({ROLE_TITLE})",
        # in lower case, where a role noun heads it (checked in `_role`): "le poste de chargé de
        # communication", "je sollicitatie als leerkracht combinatiegroep 4/5"
        _word(
            *("poste de", "puesto de", "plaza de", "cargo de", "proceso de", "place de"),
            *("sollicitatie als", "sollicitatie voor", "vacature voor", "functie van"),
            *("kandidatuur voor", "job van", "Stelle als", "Vacancy:", "Stelle:", "Position:"),
            *("poste d'", "place d'"),
        )
        + rf"\s*({_ANY_ROLE_WORD}(?:\s+(?:(?:de|d'|du|des|del|van|voor)\s*)?{_ANY_ROLE_WORD}){{0,4}})",
    )
]
_LOWER_CASE_ROLE = _ROLE_PATTERNS[-1]
_ROLE_GOES_ON = re.compile(
    r"(?:\s+(?:(?:de|d'|du|des|del|de la|van|voor)\s*)?(?=[a-zà-ÿ]|[A-Z]{2,4}\b)"
    r"(?!(?:role|position|job|post|vacancy|opening|plus|moins|requiert|nos|vos|leurs?|\w)\b)"
    rf"{_ANY_ROLE_WORD}){{1,4}}"
)


def _headed_by_role_noun(words: list[str]) -> bool:
    """ "chargé de communication", "leerkracht groep 5", "Ergothérapeute": a role's head noun
    first, as French, Spanish and Dutch write it; not "de l'équipe" or "leider"."""
    return bool(_ROLE_NOUN_FIRST.match(words[0]) or _is_role_noun(words[0]))


# Most mail names no company or role in these ways: one pass tells which patterns to search.
_PREFILTER = Prefiltered(company=_COMPANY_PATTERNS, employer=_EMPLOYER_STATED, role=_ROLE_PATTERNS)

_ROLE_STOP = re.compile(
    r"\s+(?:(?:at|with|bei|chez|en|bij|in|for|position|role)\b|[-–|(@]).*$", re.I
)


@dataclass(frozen=True)
class Facts:
    company: str | None
    contact_name: str | None
    contact_first_name: str | None
    role: str | None
    reply_to: str | None
    language: str


_VIRTUAL_ASSISTANT = re.compile(
    r"(?i)\bvirtual (?:hiring |recruiting )?assistant\b|\bchat ?bot\b|\bassistante? virtuel|"
    r"\bvirtuelle[rn]? (?:\w+)?assistent|\basistente virtual\b|\bvirtuele assistent"
)


def is_no_reply(address: str | None) -> bool:
    """True for an address nobody reads, which must never get an ask."""
    if not address or "@" not in address:
        return True
    local, _, domain = address.lower().rpartition("@")
    return bool(
        NO_REPLY_LOCAL.match(local)
        or NO_REPLY_DOMAIN.search(domain)
        or "noreply" in local
        or "no-reply" in local
        or "donotreply" in local
    )


def extract(email: Email, own_addresses: frozenset[str] = frozenset()) -> Facts:
    """Company, contact, role, reply-to and language of one email."""
    body = own_text(email.text)
    shown = _display_person(email.from_name, email.from_addr)  # the person the From shows
    signature = _signature_lines(body, shown)
    contact = _contact_name(email, signature, body, shown)
    if contact:
        contact = HONORIFIC.sub("", contact).strip() or None
    if contact:
        contact = _in_full_below(contact, signature, email.from_addr) or contact
    if contact and any(_is_named_by(contact, own) for own in own_addresses):
        contact = None  # the user's own name, signing a note of theirs quoted below
    if contact and " " not in contact and _VIRTUAL_ASSISTANT.search(body):
        contact = None  # "This is Olivia, the virtual hiring assistant": a chatbot signs
    possible = _PREFILTER.possible(f"{email.subject}\n{body}")
    company = _company(email, body, signature, contact, possible["company"], possible["employer"])
    if (
        not company
        and contact
        and _fold(contact) == _fold(_VIA.sub("", email.from_name or ""))
        and (is_no_reply(email.from_addr) or names_ats(email.from_addr))
    ):  # "Nordholz Verpackung <no-reply@recruitee.com>" signs, and nothing else names anyone
        company, contact = _clean_company(contact), None
    if not company and contact and " " not in contact:  # "À bientôt, Pavonis", who the text
        text = f"{email.subject}\n{body}"  # names as the employer: "l'intérêt ... à Pavonis"
        if any(m.group(1) == contact for p in possible["company"] for m in p.finditer(text)):
            company, contact = contact, None
    words = (company or "").split()
    if company and company.isupper() and sum(len(w) > 4 for w in words) > 1:
        company = _recased(company)  # "ACEROS DEL HUERVA, S.A." is Aceros del Huerva in a reply
    if contact and company and _fold(contact.split()[0]) == _fold(company.split()[0]):
        contact = None  # "Northwind Robotics" signing is the company, not a person
    surname_first = None
    if contact and " " in contact:  # "Hui Min" signs over "Lim Hui Min (Ms)", from huimin.lim@
        addresses = [email.from_addr or "", *email.reply_to]
        addresses += [a for line in signature if "@" in line for a in EMAIL_IN_TEXT.findall(line)]
        contact = _surname_first_below(contact, signature, addresses) or contact
        surname_first = _given_names_after_surname(contact, addresses)
    first = surname_first or _signed_first_name(contact, signature) or _first_name(contact)
    return Facts(
        company=company,
        contact_name=contact,
        contact_first_name=first,
        role=_role(email.subject, body, possible["role"], company),
        reply_to=_reply_to(email, body, own_addresses),
        language=guess_language(f"{email.subject}\n{body}"),
    )


def reply_facts(email: Email, own_addresses: frozenset[str], language: str) -> Facts:
    """The facts of mail that is no rejection: where a reply would go, and the language."""
    return Facts(
        None, None, None, None, _reply_to(email, own_text(email.text), own_addresses), language
    )


def _reply_to(email: Email, body: str, own: frozenset[str]) -> str | None:
    # The body is read for addresses only when the headers name no one to write to.
    candidates = itertools.chain(
        email.reply_to, [email.from_addr], (m.group(0) for m in EMAIL_IN_TEXT.finditer(body))
    )
    for address in candidates:
        if address and address.lower() not in own and not is_no_reply(address):
            return address.lower().rstrip(".")
    return None


def _signature_lines(body: str, sender: str | None = None) -> list[str]:
    """Lines after the last sign-off ("Best regards," ...), or from where the sender (a
    display name) signs with their first name alone; [] when neither is found."""
    signer = sender if sender and _looks_like_person(sender) else None
    lines = [line for line in map(str.strip, body.split("\n")) if not _SENT_FROM.match(line)]
    for index in range(len(lines) - 1, -1, -1):
        match = SIGN_OFF.match(lines[index])
        rest = match.group(1).strip(" ,.!") if match else ""
        if _FROM_PLACE.match(rest) or rest.startswith("/"):
            rest = ""  # "Freundliche Grüße aus Rosenheim", "Freundliche Grüße / Cordiali saluti"
        if lines[index].endswith(",") and rest == rest.lower():
            rest = ""  # "Au plaisir de vous recroiser,", "Thanks for understanding,"
        # "Thanks again for your interest in Lumio." is a sentence, not a sign-off.
        if match and len(lines[index]) <= 60 and (not rest or _looks_like_person(rest)):
            # seven lines of text: mail made from HTML puts a blank line between every two
            tail = [line for line in lines[index + 1 :] if line][:7]
            return ([rest] if rest else []) + tail
        if (
            index >= len(lines) - 3 * CLOSING_LINES  # a closing sentence is near the end
            and len(lines[index]) <= 200  # "... je vous prie d'agréer, Madame, ..."
            and SIGN_OFF_ENDING.search(lines[index])
        ):
            return [line for line in lines[index + 1 :] if line][:7]
    written = [line for line in lines if line]
    tail = written[-6:]  # name, title, organisation, address, telephone, a footer
    for index, line in enumerate(tail):
        name = line.split(",")[0].split("|")[0].strip()
        if _DIGIT.search(line):
            continue  # "Solano Outdoor, 2100 Harbor Blvd": an address, not a name
        if (
            len(name.split()) >= 2
            and _looks_like_person(name)
            # a name above the last four lines is a signature's when a title follows it
            and (index >= len(tail) - 4 or TITLE_WORDS.search(tail[index + 1]))
        ) or (index >= len(tail) - 4 and index < len(tail) - 1 and _DEPARTMENT.match(name)):
            # or a unit signs over its organisation: "Cellule Sélection"; under a team's line
            # ("Recruiting Team"), a name is its organisation's ("Halcyon Gate Interactive")
            under_team = index and _TEAM_LINE.fullmatch(tail[index - 1])
            return tail[index - 1 :] if under_team else tail[index:]
    for index in range(len(written) - 2, max(len(written) - 12, -1), -1):
        # "Au plaisir de vous accueillir dans l'une de nos boutiques,\nAurélie": a closing
        # sentence of one's own, then a first name alone
        name = written[index + 1]
        if written[index].endswith(",") and " " not in name and _looks_like_person(name):
            return written[index + 1 : index + 8]
        if signer and " " not in name and _shortens(name, signer):
            return written[index + 1 : index + 8]  # "... l'apéro est pour nous.\nLuca"
        team_member = _NAME_OF_TEAM.fullmatch(name)
        if team_member and _looks_like_person(team_member.group(1)):
            return [team_member.group(1), *written[index + 2 : index + 8]]
        if (  # "Jonas", then "Co-founder, Quillfeather": a first name over a title
            " " not in name
            and index + 2 < len(written)
            and len(written[index + 2]) <= 60
            and TITLE_WORDS.search(written[index + 2])
            and _looks_like_person(name)
        ):
            return written[index + 1 : index + 8]
    return []


_DIGIT = re.compile(r"\d")
# "Patricia, del equipo de Personas", "Sam from the Hopscotch team", "Léa, de l'équipe RH"
_NAME_OF_TEAM = re.compile(
    r"([A-ZÀ-Þ][\w'-]+),? (?i:del equipo de|de l['’]équipe|from the|on behalf of the|vom|aus dem|"
    r"van het|namens het) [^.!?]{2,60}"
)
_FROM_PLACE = re.compile(
    r"(?:aus|from|de|depuis|desde|uit|vom|von) (?:dem |der |de la |del )?\w+$", re.I
)
# What a phone adds below a signature ("Sent from my iPhone"), and "signed on behalf of"
# lines above the name ("Im Auftrag", "i.A.", "p.p.").
_SENT_FROM = re.compile(
    r"(?i)^(?:(?:sent from my|sent from outlook|get outlook for|envoyé de mon|envoyé depuis|"
    r"von meinem|gesendet von|enviado desde|(?:verzonden|verstuurd) (?:vanaf|met|via)|"
    r"sent (?:via|with|through)|powered by|gesendet (?:mit|über|via)|enviado (?:con|vía|a través de)|"
    r"envoyé (?:avec|via|par))\b|"
    r"(?:im auftrag|in vertretung|i\.\s?a\.|i\.\s?v\.|p\.\s?p\.|pp)$|"
    r"(?:namens|on behalf of|au nom d[eu]|en nombre de|im namen d(?:er|es))\b[^.]{0,60},?$)"
)


def _name_token(token: str) -> bool:
    if token in NAME_PARTICLES:
        return True
    if len(token) == 2 and token[0].isupper() and token[1] == ".":
        return True
    core = token.replace("-", "").replace("'", "").replace("’", "")
    return (
        token[0].isupper()
        and core.isalpha()
        and not token.isupper()
        or (len(token) > 1 and core.isalpha() and token[0].isupper() and len(core) <= 3)
    )


@lru_cache(maxsize=4096)  # the same names recur: senders, signatures
def _looks_like_person(name: str | None) -> bool:
    if name:
        name = HONORIFIC.sub("", name).strip()
    if (
        not name
        or len(name) > 40  # first: the tests below are slow on a long line
        or ORG_WORDS.search(name)
        or TITLE_WORDS.match(name)
        or any(ch.isdigit() for ch in name)
    ):
        return False
    tokens = name.replace(",", " ").split()
    return (
        1 <= len(tokens) <= 4
        and all(_name_token(t) for t in tokens)
        and not any(  # "Practice Manager", but "Tobias Richter" is a name
            TITLE_WORDS.fullmatch(t) and t.lower() not in _TITLES_AS_SURNAMES for t in tokens[1:]
        )
        and tokens[0][0].isupper()
        and tokens[0] not in _ARTICLES  # "Der Bürgermeister", "La Dotation"
    )


_TITLES_AS_SURNAMES = {"richter", "richterin", "notar", "head", "chef", "partner"}
_ARTICLES = {
    "The",
    "Der",
    "Die",
    "Das",
    "Ein",
    "Eine",
    "La",
    "Les",
    "Un",
    "Une",
    "Los",
    "Las",
    "Het",
}


def _fold(text: str) -> str:
    if not text.isascii():  # "Małgorzata" writes malgorzata@, not magorzata@
        text = text.replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("Ø", "O")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def _name_matches_address(name: str, address: str | None) -> bool:
    if not address:
        return False
    local = _fold(address.split("@")[0])
    tokens = HONORIFIC.sub("", name).split()
    return any(
        len(t) >= 2 and (_fold(t) in local or _fold(_umlauts_spelt_out(t)) in local) for t in tokens
    ) or bool(tokens and 3 <= len(local) <= 5 and _fold(tokens[0]).startswith(local))  # seb@


def _umlauts_spelt_out(word: str) -> str:
    """A name as an address spells it: "Pölzl", poelzl."""
    return word.translate(_UMLAUT_SPELLING)


_UMLAUT_SPELLING = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"}
)


def _is_named_by(name: str, address: str) -> bool:
    """Whether a full name is the one an address spells: "Keiko Brandt", keiko.brandt@."""
    words = {_fold(word) for word in name.split()}
    local = set(re.split(r"[._+-]", _fold(address.split("@")[0])))
    return len(words) >= 2 and words <= local


def _display_person(from_name: str | None, address: str | None) -> str | None:
    """The person a display name shows, as they would write their name: "HOLLOWAY, Rebecca
    (NORTHMOOR NHS TRUST)" is Rebecca Holloway, "Lindner, Karl" Karl Lindner, "Carla Jiménez |
    Puente Nurses UK" Carla Jiménez."""
    if not from_name:
        return from_name
    through_board = _via_job_board(from_name)  # "Kara Lindqvist via Indeed"
    if through_board:
        return _display_person(through_board[0], address)
    via = _VIA.search(from_name)
    if via and is_no_reply(address) and _person_via(from_name[: via.start()]):
        return _display_person(from_name[: via.start()], address)  # "... via Linkfolio"
    if _employer_via_board(from_name):
        return None  # "Velocar via JOIN": an employer through a job board, nobody in person
    at = _FIRST_NAME_AT.fullmatch(from_name)
    if at and _looks_like_person(at.group(1)):
        return at.group(1)  # "Sam at Hopscotch" signs "Sam"
    in_brackets = _PERSON_AT_ORG.fullmatch(from_name)
    name = in_brackets.group(1) if in_brackets else from_name
    split = _person_and_organisation(name, address)
    name = split[0] if split else name
    last, comma, first = name.partition(",")
    last = _recased(last) if last.isupper() else last
    if comma and _looks_like_person(first) and _looks_like_person(last):
        name = f"{first.strip()} {last.strip()}"
    name = _surname_last(HONORIFIC.sub("", name))
    return name if name != from_name and _looks_like_person(name) else from_name


_FIRST_NAME_AT = re.compile(r"([A-ZÀ-Þ][\w'-]+) (?:at|from|@|chez|bij) \S.*")


def _surname_last(name: str) -> str:
    """A surname in capitals first ("LEMAIRE Bertrand"), as French and Belgian offices write
    it: Bertrand Lemaire."""
    tokens = name.split()
    if len(tokens) not in (2, 3):
        return name
    capitals = [t for t in tokens if t.isupper() and len(t) > 1 and t.isalpha()]
    if len(capitals) == 1 and len(tokens) == 2 or (capitals and tokens[0] in capitals):
        surname = " ".join(t for t in tokens if t in capitals)
        given = " ".join(t for t in tokens if t not in capitals)
        return f"{given} {surname.title()}" if given else name
    return name


def _contact_name(email: Email, signature: list[str], body: str, shown: str | None) -> str | None:
    """The human who signed; a team signature or an ATS display name is nobody."""
    signature = [line for line in signature if not _ON_BEHALF.match(line)]
    if (  # "La Directrice des ressources humaines", then her name (not "Marsa Nord Exploitation"
        len(signature) > 1  # at marsanord.example)
        and TITLE_WORDS.search(signature[0])
        and not _looks_like_person(_name_part(signature[0]))
        and _looks_like_person(_name_part(signature[1]))
        and not _names_domain(_name_part(signature[1]), email.from_addr)
    ):
        signature = signature[1:]
    from_name = shown if _looks_like_person(shown) else None
    if from_name and _squash(from_name.split()[0]) == _squash(
        _company_from_address(email.from_addr) or ""
    ):
        from_name = None  # "Alpstaff Genève" writing from alpstaff.example is the agency
    signed_by_sender = (
        from_name
        and _name_matches_address(from_name, email.from_addr)
        and not is_no_reply(email.from_addr)
    )
    if signed_by_sender:  # the sender, a person, signs with their own name
        signed = _sender_signing(from_name, body, email.from_addr or "")
        if signed:
            return signed
    domains = [
        _squash(a.split("@")[-1]).replace("-", "") for a in (email.from_addr, *email.reply_to) if a
    ]
    if signature and any(_fold(signature[0]).replace(" ", "") in d for d in domains):
        # "Lingon Labs" signing from lingonlabs.example is the company, perhaps over a name
        # and its title ("Claudia Meier-Frei", "Leiterin Personal")
        below = _name_part(signature[1]) if len(signature) > 2 else ""
        titled = len(below.split()) >= 2 and TITLE_WORDS.search(signature[2])
        if titled and not signed_by_sender and _looks_like_person(below):
            return below
        signature = []
    # The sender's display name, and the one word left of it without its team ("Stroomwerk"
    # from "Stroomwerk Hiring", but not "Lauren Becker" from "Lauren Becker via Meridian").
    sender_names = {
        _fold(email.from_name or ""),
        _fold(_AGENCY_SUFFIX.sub("", email.from_name or "")),
    }
    team = _clean_company(email.from_name)
    if team and (
        len(team.split()) == 1
        or (  # "Hortensia Foods – RRHH", but not "Owen Price | Third Sector Talent"
            not from_name
            and COMPANY_SUFFIX.search(email.from_name or "")
            and not _NAME_SEPARATOR.search(email.from_name or "")
            and not _VIA.search(email.from_name or "")
        )
    ):
        sender_names.add(_fold(team))
    by_board = _employer_via_board(email.from_name or "")
    if by_board:  # "Dulces La Alameda vía Hireo" signs as the organisation
        sender_names.add(_fold(by_board[0]))
    organisation, *its_team = _DISPLAY_SEPARATOR.split(email.from_name or "", maxsplit=1)
    if its_team and _TEAM_NAME.fullmatch(its_team[0]):
        sender_names.add(_fold(organisation))  # "Cervecería Altamira – Talento" signs as itself
    if (
        signature
        and _fold(_name_part(signature[0]).split(",")[0]) in sender_names
        and (not from_name or _organisation_sending(email, body))
    ):
        # The sending organisation signs ("Hotel Schwanen"), perhaps over a person's full name.
        below = signature[1] if len(signature) > 1 and signature[1].count(",") < 2 else ""
        below = below.split(",")[0].split("|")[0].strip()  # not "Oficentro La Virgen, Pavas, ..."
        if _TEAM_LINE.fullmatch(signature[0]):
            return None  # "Recruiting Team" over its organisation, "Halcyon Gate Interactive"
        return below if _looks_like_person(below) and len(below.split()) >= 2 else None
    if signature and _SEVERAL.match(signature[0]):
        return None  # "Ingrid, Ola & the Nordlys team": several people sign, nobody in particular
    if signature and LEGAL_SUFFIX.fullmatch("," + signature[0].partition(",")[2].rstrip()):
        return None  # "Logística Bajío, S.A. de C.V.": the organisation signs
    lines = [line for line in signature if not _RULE.fullmatch(line)]
    if len(lines) > 1 and (len(lines[0].split()) == 1 or _INITIAL.match(lines[0])):
        below = _without_letters_after(HONORIFIC.sub("", _name_part(lines[1])))
        same = (  # "Steve Jenkins" over Stephen Jenkins, from his own address
            bool(from_name)
            and from_name.split()[-1] in below.split()  # a second surname may follow
            and (
                _name_matches_address(from_name, email.from_addr)
                or _name_matches_address(below, email.from_addr)
            )
        )
        if (
            len(below.split()) >= 2
            and _looks_like_person(below)
            and (same or not (from_name and _shortens(lines[0], from_name)))
            and (
                below[:1] == lines[0][:1]  # "Tom", then "Thomas Hargreaves"; "M. Öztürk"
                or same  # "Txema", then "José María Aranburu Lasa" at Aranburu's address
                or (signed_by_sender and _fold(below).startswith(_fold(from_name)))  # "Nacho"
            )
            and (not _INITIAL.match(lines[0]) or below.split()[-1] == lines[0].split()[-1])
        ):
            return below
    for line in signature[1:5]:  # "i.A. Heidi Brunner" under her company and its department
        signed_for = _SIGNED_FOR.match(line)
        name = signed_for and signed_for.group(1)
        if name and len(name.split()) >= 2 and _looks_like_person(name):
            return name
    if signature:
        first_line = _name_part(signature[0])
        # "mr. drs. A.M. (Annelies) van Houten" signs as Annelies van Houten
        first_line = _CALLED.sub(r"\1 ", HONORIFIC.sub("", first_line))
        if _looks_like_person(first_line):
            if from_name and _shortens(first_line, from_name):
                return from_name
            return first_line
        if ORG_WORDS.search(first_line) or first_line.lower().startswith("the "):
            return None
    if from_name and _VIA.search(email.from_name or "") and _headline_employer(body, from_name):
        return from_name  # "Aaron Shaw via Connectwork", shown over his headline, writes
    return from_name if signed_by_sender else None


_CALLED = re.compile(r"^(?:[A-Z]\.\s?)+\((\w[\w'-]+)\)\s+")  # initials, then the name used


def _without_letters_after(name: str) -> str:
    """ "Daniel Metcalfe MCSP" is Daniel Metcalfe."""
    tokens = name.split()
    while len(tokens) > 2 and _LETTERS_AFTER.match(tokens[-1]):
        tokens.pop()
    return " ".join(tokens)


# "M. Öztürk" over "Melek Öztürk", "MC Vandewalle" over "Marie-Christine Vandewalle"
_INITIAL = re.compile(r"(?:[A-ZÀ-Þ]\.(?:-[A-ZÀ-Þ]\.)?|[A-ZÀ-Þ]{2,3}) \S+$")  # "A.-F. Gilson"
_RULE = re.compile(r"-- ?|_{3,}|-{3,}")  # the line a mail client puts above a signature


def _organisation_sending(email: Email, body: str) -> bool:
    """A display name that names the organisation, though it reads like a person's ("Lakeshore
    Financial"): sent by an ATS or a no-reply address, and named in the subject or the text
    too (a person sending through an ATS signs their name once)."""
    name = _fold(email.from_name or "")
    return bool(
        name
        and email.from_addr
        and (names_ats(email.from_addr) or is_no_reply(email.from_addr))
        and (name in _fold(email.subject) or _fold(body).count(name) >= 2)
    )


def _shortens(signed: str, name: str) -> bool:
    """Whether a signature is the short form of a full name: "Dom" for Dominic Ashworth,
    "M." for Marcus Lindqvist, "AW" for Anna Whitlock, "R. Inderbitzin" for Raphael
    Inderbitzin."""
    short = [_fold(token).rstrip(".") for token in signed.split()]
    full = [_fold(token) for token in name.split()]
    if not short or not all(short) or not full:
        return False
    if len(short) == 1 and (full[0].startswith(short[0]) or _nickname_of(short[0], full[0])):
        return True
    if len(short) == 1 and signed.isupper() and len(short[0]) == len(full) > 1:
        return all(full[i].startswith(letter) for i, letter in enumerate(short[0]))
    return len(short) == len(full) > 1 and all(
        a == b or (len(a) == 1 and b.startswith(a)) or (i == 0 and _nickname_of(a, b))
        for i, (a, b) in enumerate(zip(short, full, strict=True))
    )


def _in_full_below(contact: str, signature: list[str], address: str | None) -> str | None:
    """ "Becky" or "Becky Sharrock" over "Rebecca Sharrock" in the lines that sign: the name in
    full, as a stranger greets her. The surname must agree; a first name alone must be one the
    full name is known to be short for."""
    first, *surnames = contact.split()
    short = _fold(first)
    if len(short) < 2 or "." in first:
        return None  # "H. Schmidt" signs with an initial
    for line in signature[:4]:  # "Veronika Grasegger – Büro / Personal" under "Vroni Grasegger"
        name = _without_letters_after(HONORIFIC.sub("", _name_part(line).split(" – ")[0]))
        folded = [_fold(token) for token in name.split()]
        if not 2 <= len(folded) <= len(surnames) + 3 or short in folded:
            continue
        if surnames and _fold(surnames[0]) not in folded[1:]:  # "Mora" in "Francisco Javier Mora"
            continue
        related = (
            _nickname_of(short, full)
            or (len(folded) == len(surnames) + 1 and _named_in_full(full, short, address or ""))
            for full in folded[:2]
        )
        if any(related) and _looks_like_person(name):
            return name
    return None


def _nickname_of(short: str, full: str) -> bool:
    """ "Jo" for Johannes, "Basti" for Sebastian: the short name starts or sits inside the full;
    or it is one of the short names that share no such letters ("Bill" for William)."""
    return (
        len(short) >= 2
        and len(full) > len(short)
        and (full.startswith(short) or short[:-1] in full)
    ) or full in _IRREGULAR_NICKNAMES.get(short, ())


_IRREGULAR_NICKNAMES = {
    "bill": ("william",),
    "billy": ("william",),
    "bob": ("robert",),
    "bobby": ("robert",),
    "dick": ("richard",),
    "jim": ("james",),
    "jimmy": ("james",),
    "jack": ("john",),
    "mike": ("michael",),
    "olli": ("oliver",),
    "aga": ("agnieszka",),
    "kasia": ("katarzyna",),
    "ola": ("aleksandra",),
    "gosia": ("malgorzata",),
    "basia": ("barbara",),
    "zosia": ("zofia",),
    "kuba": ("jakub",),
    "darek": ("dariusz",),
    "ted": ("edward", "theodore"),
    "ned": ("edward",),
    "chuck": ("charles",),
    "hank": ("henry",),
    "peggy": ("margaret",),
    "meg": ("margaret",),
    "polly": ("mary",),
    "molly": ("mary",),
    "sally": ("sarah",),
    "pepe": ("jose",),
    "paco": ("francisco",),
    "pancho": ("francisco",),
    "lola": ("dolores",),
    "concha": ("concepcion",),
    "chema": ("jose",),  # José María
    "quique": ("enrique",),
    "manolo": ("manuel",),
    "charo": ("rosario",),
    "kees": ("cornelis",),
    "becky": ("rebecca",),
    "bex": ("rebecca",),
    "becca": ("rebecca",),
    "trish": ("patricia",),
    "tricia": ("patricia",),
    "pepa": ("josefa",),
    "marisa": ("maria",),  # María Luisa
    "sepp": ("josef",),
    "greet": ("margareta", "margaretha", "margriet"),
    "nacho": ("ignacio",),
    "steffi": ("stefanie",),
    "jamie": ("james",),
    "klaas": ("nicolaas",),
    "vroni": ("veronika", "veronica"),
    "resi": ("theresia", "therese"),
    "liesl": ("elisabeth",),
}


_SEVERAL = re.compile(r"[A-Z][\w'-]+(?:,\s*[A-Z][\w'-]+)*,?\s+(?:&|and|und|et|y|en)\s+\w")
CLOSING_LINES = 10  # where a note's writer signs: its last lines, above nothing but footers


_LETTERS_AFTER = re.compile(r"^[A-Z]\w*[A-Z]\w*(?:\(\w+\))?$")  # CEng, MIMechE, PhD, BEng(Civil)


def _sender_signing(from_name: str, body: str, address: str) -> str | None:
    """The sender's name as they sign it in the note's last lines: the whole name in any
    order ("Lasheras Gil, Javier" signs "Javier Lasheras Gil"), with letters after it ("Ruth
    Trevithick CEng"), in full where the display name is short ("Olu Bankole" signs
    "Olúwaseun Bankole"); else the first name in a short line ("Gr Henk", "Ciarán")."""
    last, _, first = from_name.partition(",")
    ordered = (f"{first} {last}" if first else last).split()
    words = [_fold(word) for word in ordered]
    tail = body.rstrip().rsplit("\n", 3 * CLOSING_LINES)  # a long note's end is all we need
    closing = [line.strip() for line in tail if line.strip()][-CLOSING_LINES:]
    # no prose; a signature line's title and company after "|" or "," do not count
    closing = [line for line in closing if len(_name_part(line).split()) <= len(words) + 6]
    surname, first_name = (ordered[-1].lower(), words[-1]), (ordered[0].lower(), words[0])
    for line in closing:
        low = line.lower()
        if surname[0] not in low and surname[1] not in low:
            continue  # most lines: cheap to rule out
        name = HONORIFIC.sub("", _name_part(line))  # "Mrs Katherine Ellison"
        called = _CALLED_IN_BRACKETS.fullmatch(name)
        if called and [_fold(w) for w in called.group(2, 3)] == [words[0], " ".join(words[1:])]:
            # "Sebastiaan (Bas) Verhoef"; but "M. (Marco) de Graaf" goes by Marco
            first = called.group(2) if _INITIALS.fullmatch(called.group(1)) else called.group(1)
            return f"{first} {called.group(3)}"
        tokens = name.split()
        if len(tokens) > len(words) + 3 and not all(
            _LETTERS_AFTER.match(t) for t in tokens[len(words) :]
        ):
            continue  # prose, not a name with its letters after it ("BEng(Civil) MIEAust CPEng")
        folded = [_fold(token) for token in tokens]
        if sorted(folded) == sorted(words):
            return name
        extra = [t for t, f in zip(tokens, folded, strict=True) if f not in words]
        if set(words) <= set(folded) and extra and all(_LETTERS_AFTER.match(t) for t in extra):
            return " ".join(t for t, f in zip(tokens, folded, strict=True) if f in words)
        if (
            folded[: len(words)] == words
            and len(tokens) <= len(words) + 2
            and _looks_like_person(name)
        ):
            return name  # "Ignacio Robles Carmona" under Ignacio Robles's mail
        core = tokens[: len(words)] if all(map(_LETTERS_AFTER.match, tokens[len(words) :])) else []
        if not core and len(tokens) <= len(words) + 2 and _looks_like_person(name):
            core = tokens  # "Daniel Ferrer Puig" under Dani Ferrer's mail: a second surname
        short, full = words[0], _fold(core[0]) if core else ""
        if (
            len(core) >= len(words) > 1
            and [_fold(t) for t in core[1 : len(words)]] == words[1:]
            and (full.startswith(short) or _named_in_full(full, short, address))
            and _looks_like_person(" ".join(core))
        ):
            # "Olúwaseun Bankole" under Olu's mail, "Robert Ellison MRPharmS" under Rob's
            return " ".join(core)
    for line in closing:
        tokens = line.strip(" ,.-–—").split()
        low = line.lower()
        if len(tokens) == 1 and len(tokens[0]) == 1 and _fold(tokens[0]) == words[0][0]:
            return from_name  # "S." under a note from Sébastien Renard
        if len(tokens) > 3 or (first_name[0] not in low and first_name[1] not in low):
            continue
        folded = {_fold(token) for token in tokens}
        # "IKK Weserland" under "IKK Weserland Personalservice" is the organisation's line
        if (
            words[0] in folded
            and not (folded - {words[0]}) & set(words)
            and not ORG_WORDS.search(line)
        ):
            return from_name
    return None


_CALLED_IN_BRACKETS = re.compile(r"(\S+) \((\S+)\) (.+)")
# "Pour le Directeur général," above the name of who signs for him
_SIGNED_FOR = re.compile(r"(?i:i\.\s?a\.|i\.\s?v\.|ppa\.?|p\.\s?p\.)\s+(\S.*)")
_ON_BEHALF = re.compile(
    r"(?:pour (?:le|la|l')|par délégation|p\. ?o\.|on behalf of|for and on behalf of|im auftrag|"
    r"namens|en nombre de|por delegación)\b.*[,:]?$",
    re.I,
)
_INITIALS = re.compile(r"(?:[A-Z]\.)+")


def _named_in_full(signed: str, shown: str, address: str) -> bool:
    """Whether a first name signed is the full one of a short one shown ("Nicholas" for Nick
    at nick.fry@, "Elizabeth" for Liz at e.carver@): same first letter, or the address's."""
    local = _fold(address.partition("@")[0])
    return len(signed) > len(shown) and (
        signed[0] == shown[0]
        or local[:2] == signed[0] + "."
        or (len(shown) >= 3 and shown in signed)
    )  # "Rebecca" for Bec


def _name_part(line: str) -> str:
    """What a signature line puts first: "Beatriz Lozano · Directora", "Ana Ruiz | Talent"."""
    name = re.split(r"[,|·•]", line, maxsplit=1)[0].strip()
    return _TITLE_IN_BRACKETS.sub("", name) if name.endswith(")") else name


# "Goh Li Ting (Ms)"
_TITLE_IN_BRACKETS = re.compile(r"\s*\((?:ms|mr|mrs|mdm|miss|dr|mx)\.?\)$", re.I)


def _signed_first_name(contact: str | None, signature: list[str]) -> str | None:
    """The first names a writer signs with, where there are several: "Luis Fernando" over
    Luis Fernando Castañeda Ruiz's signature. (A short form, "Montse" over Montserrat Puig's,
    is not taken: she is Montserrat to a stranger.)"""
    if not contact or not signature:
        return None
    signed = _name_part(signature[0]).strip(" .,").split()
    full = contact.split()
    if not 1 < len(signed) < len(full):
        return None
    same = [_fold(w) for w in signed] == [_fold(w) for w in full[: len(signed)]]
    return " ".join(signed) if same else None


# Spanish first names of two words: "María José Cano" is María José to greet.
_COMPOUND_FIRST = {
    "María",
    "Maria",
    "José",
    "Jose",
    "Juan",
    "Ana",
    "Luis",
    "Miguel",
    "Jesús",
    "Rosa",
    "Francisco",
    "Jon",  # Basque: "Jon Ander", "Ane Miren"
    "Ane",
}
_COMPOUND_SECOND = {
    "José",
    "Jose",
    "Luis",
    "Carlos",
    "Pablo",
    "Antonio",
    "Ángel",
    "Angel",
    "María",
    "Fernando",
    "Manuel",
    "Jesús",
    "Carmen",
    "Luisa",
    "Isabel",
    "Teresa",
    "Elena",
    "Ignacio",
    "Javier",
    "Eugenia",
    "Pilar",
    "Dolores",
    "Victoria",
    "Cristina",
    "Alberto",
    "Andrés",
    "Esteban",
    "Sebastián",
    "Felipe",
    "Belén",
    "Inés",
    "Ramón",
    "Ander",
    "Miren",
    "Mikel",
    "Vicente",
    "Diego",  # Costa Rica's "Luis Diego", "Ana Lucía", "María Fernanda"
    "Lucía",
    "Fernanda",
    "Gabriela",
    "Alejandra",
    "Daniela",
}


def _first_name(contact: str | None) -> str | None:
    if not contact:
        return None
    tokens = [
        t
        for t in contact.split()
        if t.rstrip(".").lower()
        not in {
            "dr",
            "mr",
            "mrs",
            "ms",
            "prof",
            "herr",
            "frau",
            "mme",
            "m",
            "sr",
            "sra",
            "dhr",
            "mevr",
            "ihr",
            "ihre",
            "dein",
            "deine",
        }
    ]
    if not tokens or re.fullmatch(r"\w\.", contact.split()[0]):
        return None  # "M. Kaltenbach" signs with an initial: no first name to greet
    if len(tokens) >= 3 and tokens[0] in _COMPOUND_FIRST and tokens[1] in _COMPOUND_SECOND:
        return f"{tokens[0]} {tokens[1]}"
    return tokens[0]


def _surname_first_below(contact: str, signature: list[str], addresses: list[str]) -> str | None:
    """ "Lim Hui Min" under the "Hui Min" who signs: her name in full, surname first."""
    for line in signature[:6]:
        name = _name_part(line)
        if name.endswith(" " + contact) and _given_names_after_surname(name, addresses) == contact:
            return name
    return None


def _given_names_after_surname(contact: str, addresses: list[str]) -> str | None:
    """ "Tan Shu Fen" writing from shufen.tan@: the surname first, as Chinese names are written,
    and the address joins the words of the given name."""
    surname, *given = contact.split()
    if len(given) < 2:
        return None  # "Margrit Koller" at koller.margrit@ may be either way round
    wanted = [_fold("".join(given)).replace("-", ""), _fold(surname)]
    for address in addresses:
        if re.split(r"[._]", _fold(address.partition("@")[0])) == wanted:
            return " ".join(given)
    return None


_VIA = re.compile(r"\s+(?:v[ií]a|über)\s+(\w+.*)$", re.I)


def _person_via(name: str) -> bool:
    """Whether "X via ..." is a person writing through their firm ("Lauren Becker via Meridian
    Staffing"), not an employer through a job board ("Velocar via JOIN", "Dulces La Alameda
    vía Hireo"): two words or more, none an article ("La")."""
    tokens = name.split()
    return _looks_like_person(name) and len(tokens) > 1 and not _ARTICLES.intersection(tokens[1:])


def _employer_via_board(display: str) -> tuple[str, str] | None:
    """ "Velocar via JOIN" as the employer and the board passing its mail on; None for a person
    writing through their firm or a board (see `_via_job_board`)."""
    via = _VIA.search(display)
    if not via or _person_via(display[: via.start()]):
        return None
    return display[: via.start()], via.group(1).strip()


def _via_job_board(display: str) -> tuple[str, str] | None:
    """ "Kara Lindqvist via Indeed" as the writer and the job board passing her mail on."""
    via = _VIA.search(display)
    board = via.group(1).strip() if via else ""
    writer = display[: via.start()] if via else ""
    return (writer, board) if _JOB_BOARD.fullmatch(board) and _person_via(writer) else None


# Job boards that send an employer's notice under their own name.
_JOB_BOARD = re.compile(
    r"(?:nhs (?:scotland )?jobs(?: portal)?|hsc recruitment|(?:recruitment )?shared services? centre|"
    r"health ?jobs|infojobs|indeed|linkedin(?: jobs)?|stepstone|monster|"
    r"totaljobs|reed(?:\.co\.uk)?|seek|jobs\.ac\.uk|eteach|tes jobs|apec|france travail|hellowork|"
    r"welcome to the jungle|jobteaser|computrabajo|bumeran|zonajobs|laborum|nationale vacaturebank|"
    r"werkzoeken\.nl|xing|jobindex|join(?:\.com)?)(?: (?:notifications?|alerts?|team))?",
    re.I,
)
_NAME_SEPARATOR = re.compile(r"\s+[·|•]\s+|\s+[-–]\s+(?=[A-Z]?[a-zà-ÿ]+$)")
_JOIN_US = re.compile(
    r"^(?:werken (?:bij|voor)|careers at|jobs at|join|working at|arbeiten bei|trabaja en)(?:\s+|$)",
    re.I,
)
_PARTNERS_PROFESSION = re.compile(r"\s+(?:steuerberater|steuerberatung|wirtschaftsprüfer)$", re.I)
_DECLINED = re.compile(r"(?<=[a-zäöü]e)n(?= \w)")  # a German adjective after "der", "bei der"
_TEAM_ALONE = re.compile(r"(?i)(?:the |el |l['’]|das |het )?(?:team|equipo|équipe|equipe)")
# "Valrhodan de la" read from "les sites Valrhodan de la vallée du Rhône"
_TRAILING_CONJUNCTION = re.compile(
    r"\s+(?:and|und|et|y|en|&|de|del|of|du|des|van|von|la|le|les|el|los|las|der|die|das|het|the)$"
)
_LEADING_THE = re.compile(r"^the\s+", re.I)


# Words no organisation's name ends in, even an agency's ("Alpenrose Re Careers").
_TEAM_ONLY_SUFFIX = re.compile(
    r"\s+(?:careers?|jobs|hiring|hr|team|talent team|people team|hr services|rrhh|"
    r"(?:open|assessment|recruitment) days?)\s*$",
    re.I,
)


_JOINED = re.compile(r"[(),]| [-–] ")
_IN_BRACKETS = re.compile(r"(?<=\S)\s*\([^()]{2,40}\)$")
_BILINGUAL = re.compile(r".*?\b(?:udala|cyngor(?: sir)?)\b.*?\s+[/–-]\s+(\S.+)$", re.I)
# a charity's or a company's number, a postcode's digits; a register's court
# a register, or a site: "Accommodation Office, Clydemouth Campus"
_NOT_A_NAME = re.compile(
    r"\d{4,}|(?i:register|registergericht|amtsgericht|firmenbuch|sitz)\b|\s(?i:campus)$"
)
_SENTENCE = re.compile(  # words of a sentence, not of a name ("Chablais-Est")
    r"(?<![\w'’-])(?:is|are|was|were|has|have|this|please|est|sont|ce|cette|merci|ist|wird|wurde|"
    r"diese[rsm]?|bitte|dit|deze|wordt|este|esta|ha sido)(?![\w-])",
    re.I,
)


@lru_cache(maxsize=2048)  # the same senders and signatures recur across a mailbox
def _clean_company(name: str | None, keep_team_words: bool = False) -> str | None:
    """A company as a person would write it: no legal form, no "Talent Team" (unless
    `keep_team_words`: the name of an agency may end in "Recruitment")."""
    if not name:
        return None
    name = _VIA.sub("", name.strip(" \"'.,:;!-*"))
    name = _NAME_SEPARATOR.split(name)[0]
    name = _JOIN_US.sub("", name)
    written = name
    name = TEAM_PREFIX.sub("", name)
    name = _IN_BRACKETS.sub("", name)  # "Colegio Las Salinas (Santa Pola)"
    name = _LEADING_LEGAL.sub("", name)  # "SARL Bâtisseurs du Sud", "L'établissement Le Mas"
    name = name.rstrip(" ★☆*")  # "Le Royal Castel ★★★★★"
    bilingual = _BILINGUAL.match(name)
    if bilingual:
        name = bilingual.group(1)  # "Urbeltzako Udala / Ayuntamiento de Urbeltza"
    previous = None
    while previous != name:
        previous = name
        suffix = _TEAM_ONLY_SUFFIX if keep_team_words else COMPANY_SUFFIX
        name = suffix.sub("", name).strip(" \"'.,:;!-–|*")
        name = _SERVICE_CENTRE.sub("", name)
        name = LEGAL_SUFFIX.sub("", name).strip(" .,")
        name = _TRAILING_CONJUNCTION.sub("", name)
        if "&" in name:  # "Hartl & Seidl Steuerberater", but "Isarkontor Steuerberatung"
            name = _PARTNERS_PROFESSION.sub("", name)
    # "The Wren Hotel" is a name; "The Northwind" left of "The Northwind Recruiting Team" is not
    if len(name.split()) > 1 and (len(name.split()) < 3 or name != written.strip()):
        name = _LEADING_THE.sub("", name)
    if not name or name.lower() in {"we", "our", "us", "the", "i", "you"}:
        return None
    if len(name) > 64 or (len(name) > 50 and _JOINED.search(name)):  # two names, not one long
        return None
    if LEGAL_SUFFIX.fullmatch(" " + name):
        return None  # "AG" alone, left of a line "Grand Alpine Hospitality AG"
    if len(name.split()) > 2:
        name = _LONE_INITIAL.sub("", name)  # "Ourthe Capital Services S", cut from "S.à r.l."
    return name


_LONE_INITIAL = re.compile(r"\s[A-Z]$")
_LEADING_LEGAL = re.compile(r"^(?:SARL|SAS|SASU|EURL|SELARL|L['’]établissement)\s+(?=[A-ZÀ-Þ])")
_PATH = re.compile(r"\w\.\w{2,}/")  # a link without its https://


def _company(
    email: Email,
    body: str,
    signature: list[str],
    contact: str | None,
    patterns: list[re.Pattern[str]],
    stating: list[re.Pattern[str]],
) -> str | None:
    """The organisation, chosen among every place that names one by how well they agree:
    the sender's domain, repeated mentions, the display name, the signature; unless a job
    board passes the mail on and says whose decision it is."""
    text = f"{email.subject}\n{body}"
    candidates: dict[str, float] = {}
    named = set()  # the candidates the email names, not only guessed from the domain

    from_domain = _company_from_address(email.from_addr)
    domains = {_squash(d) for d in (from_domain, *map(_company_from_address, email.reply_to)) if d}
    corner = from_domain and _named_subdomain(email.from_addr, email.from_name)
    if corner:  # a platform we do not know (a known one's domain names nobody: from_domain None)
        domains.add(corner)
    agency: bool | None = None  # whether the mail speaks of a client: read once, if needed

    def offer(name: str | None, weight: float, whole: bool = False, guess: bool = False) -> None:
        nonlocal agency
        found = _clean_company(name, keep_team_words=whole)
        if found and not whole and _AGENCY_SUFFIX.search(found):
            if agency is None:
                agency = bool(_AGENCY_TEXT.search(text))
            if not agency:
                found = _AGENCY_SUFFIX.sub("", found)
        if not found or _looks_generic(found) or _TEAM_ALONE.fullmatch(found):
            return  # "Equipo" left of "Equipo de Selección"
        if TITLE_WORDS.search(found) and not any(  # "Saffron Executive Aviation" at saffron-exec
            _squash(found).startswith(d) or _abbreviated_by(found, d) for d in domains if d
        ):
            return
        if (_DEPARTMENT.match(found) and not guess) or _NOT_A_NAME.search(found):
            return
        if _SENTENCE.search(found) or _PATH.search(found):
            return  # "Ce message est généré automatiquement", "perfila.example/messaging/..."
        if not found[0].isupper() and not found[0].isdigit():
            return
        if contact and (found == contact or found in contact.split()):
            return
        candidates[found] = candidates.get(found, 0) + weight
        if not guess:
            named.add(found)

    for pattern in patterns:  # those of _COMPANY_PATTERNS that may match
        for match in pattern.finditer(text):
            offer(match.group(1), 1.0)
    subject = _REPLY_PREFIX.sub("", email.subject)
    head = _SUBJECT_EMPLOYER.match(subject)
    head_name = head and (head.group(1) or head.group(2) or head.group(3))
    no_reply = is_no_reply(email.from_addr)
    relayed = names_ats(email.from_addr)
    # a notice's subject; a person's may shorten the name ("Brisk - Senior Engineer")
    pair = None if head_name or not (no_reply or relayed) else _SUBJECT_PAIR.fullmatch(subject)
    if (
        pair
        and " " in pair.group(2).strip()
        and pair.group(2).strip() in body
        and not _SUBJECT_WORDS.search(pair.group(1))
    ):
        head_name = pair.group(1)  # the employer, then the role the text names
    if head_name and not _is_role_noun(head_name.split()[-1]):  # not "Inventory Planner: ..."
        offer(head_name, 1.0)  # "Kelpie Insurance: update regarding your application"
    stated = []  # the employer as a board names it
    for pattern in stating:
        for match in pattern.finditer(text):
            offer(match.group(1), 1.0)
            stated.append(_clean_company(match.group(1)))
    from_name = email.from_name
    # "Delta Retail vía HiringPampa" from no-reply@: the job board passing the mail on is not
    # the employer ("Lauren Becker via Meridian Staffing" is a recruiter and her agency)
    by_board = _employer_via_board(from_name or "") if no_reply else None
    relay = None
    if by_board:
        from_name, relay = by_board
    if from_name and _JOB_BOARD.fullmatch(from_name.strip()):
        relay, from_name = from_name, None  # "NHS Jobs" sends the trust's notice: not the employer
    through_board = _via_job_board(from_name or "")
    if through_board:
        relay, from_name = through_board[1], None  # a recruiter writing through Indeed
    if (
        from_name
        and no_reply
        and not relayed  # "AgriVet Personeel" from Teamtailor: the agency, no job board
        and _applied_through(text, from_name)
        and not _AGENCY_TEXT.search(text)  # "applying through Harlow Talent ... our client"
    ):
        relay, from_name = from_name, None  # "Ihre Bewerbung über Jobsteig": a board we do not know
    via = no_reply and _VIA.search(from_name or "")
    headline = via and _headline_employer(body, from_name[: via.start()])
    if headline:  # "Jake Morrison via ProLink": a network we do not know by name
        relay, from_name = via.group(1).strip(), None
        offer(headline, 1.0)
        stated.append(_clean_company(headline))
    footer = (no_reply or relayed) and not relay and _SENT_WITH.search(body, len(body) - 600)
    if footer:  # "Enviado con JOIN · join.com" under the company's own notice
        relay = footer.group(1)
    # the NHS's way: "GALLACHER, Fiona (NHS PENNINE VALE ICB)"
    in_brackets = _PERSON_AT_ORG.fullmatch(from_name or "")
    if in_brackets and in_brackets.group(2).isupper():
        from_name = _recased(in_brackets.group(2))
    elif in_brackets and relayed and _looks_like_person(in_brackets.group(1)):
        from_name = in_brackets.group(2)  # "Rik van Hal (Dierenklinieken Maas en Waal)"
    split = _person_and_organisation(from_name or "", email.from_addr)
    if split:  # "Inma Roig - Ajuntament de Vilanova del Túria", "Stéphanie Rey – Les Gones"
        from_name = split[1]
    elif contact and from_name and _display_person(from_name, email.from_addr) == contact:
        from_name = None  # "Rademacher, Hans-Jürgen", who signs
    if from_name and (
        relayed  # "Rheinstahl Logistik <rheinstahl@myworkday.com>" is the company
        or not (_looks_like_person(from_name) and _name_matches_address(from_name, email.from_addr))
    ):
        offer(from_name, 2.0)
    for line in signature[1:6]:
        for company in _signature_companies(line, contact):
            offer(company, 1.5)
    offer(from_domain, 0.5, guess=True)
    # "Ashgrove Capital" where the sender writes from ashgrove.example: the name in full, as
    # the display name, the subject or the last lines (the signature) write it.
    last_lines = [line.strip(" ,.") for line in body.split("\n") if line.strip()][-8:]
    tail = "\n".join(last_lines)
    for line in last_lines[-3:] if not contact else ():
        team = _TEAM_SIGNING.fullmatch(line)
        name = team and next(g for g in team.groups() if g)
        if name and not any(c.startswith(name + " ") for c in candidates):
            offer(name, 0.5)  # "The Orbitly team", "Ihr Team von Schwarzweiss PR"; not the
            # short name of "Grünraum Energie" in "Dein Talent-Team von Grünraum"
    cut_short = set()  # "Crestline Recruitment" at crestline-rec.example: a guess, offered once
    for name, cut in _names_spelling(f"{from_name or ''}\n{email.subject}\n{tail}", domains):
        if cut:
            cut_short.add(name)
        else:
            offer(name, 1.0, whole=True)
    for name in cut_short:
        offer(name, 0.5, whole=True)
    if relay:
        candidates = {
            c: w
            for c, w in candidates.items()
            if not _squash(relay).startswith(_squash(c)) and not c.endswith(" " + relay)
        }  # "NHS" left of "NHS Jobs" as much as the board, "Enviado a través de Hireo" too
    # "Valordéchets Meuse-Ourthe (VMO)" at vmo-dechets.example: the name the initials stand for
    initials = [
        c for c in candidates if c.isupper() and any(d.startswith(_squash(c)) for d in domains)
    ]
    for name in initials:
        offer(_spelled_out(name, text), 3.0)
    declined = {}  # "bei der Steirischen Bahnsysteme": Steirische Bahnsysteme
    for name in list(candidates):
        plain = _DECLINED.sub("", name)
        if plain != name and plain in candidates:
            candidates[plain] += candidates.pop(name)
            named.add(plain)
            declined[name] = plain
    if not candidates:
        return None
    stated = [declined.get(name, name) for name in stated]
    stated = [name for name in stated if name in candidates]
    if stated and (relay or relayed or no_reply):
        return stated[0]
    lowered = text.lower()

    def mentions(name: str) -> int:
        """Times the text names it, not counting where it is part of a longer candidate
        ("Pinecrest" inside "Pinecrest Credit Union")."""
        low = name.lower()
        inside = sum(
            lowered.count(c.lower()) for c in candidates if c.lower().startswith(low + " ")
        )
        return lowered.count(low) - inside

    def score(name: str) -> float:
        folded = _squash(name)
        spelt = _squash(_umlauts_spelt_out(name))  # "Schöckl Mobility" at schoeckl-mobility
        words = _fold(name).split()  # "Gemeente Hoogmeer" at hoogmeer.example agrees too
        agree = name in named and any(
            d
            and (
                folded.startswith(d)
                or spelt.startswith(d)
                or (d.startswith(folded) and len(folded) > 3)
                or d in words
                or (len(d) >= 6 and d in folded)  # "Centre for Fair Places" at fairplaces
                or _abbreviated_by(name, d)
            )
            for d in domains
        )
        # "Lignes Maritimes du Lacydon" at lacydon-lignes: a word of it in the domain, a weaker
        # agreement than the domain spelling it
        shares = (
            not agree
            and name in named
            and any(len(w) >= 5 and w in d for w in words for d in domains if d)
        )
        return candidates[name] + 3 * agree + 1.5 * shares + min(mentions(name), 4) * 0.5

    best = max(candidates, key=lambda name: (score(name), len(name)))
    # a guess from the domain: the text may spell it ("Océa Habitat"); looked for only where
    # the text has the guess's first letters, as reading every capitalised name costs. The
    # quoted mail last: "bij Netwerk Noord" in the user's own question, a signature under a
    # forwarded note.
    for source in (text, email.text) if best not in named else ():
        if _squash(best)[:4] in _fold(source).replace(" ", ""):
            spelt = [
                name for name, cut in _names_spelling(source, {_squash(best)}, True) if not cut
            ]
            if spelt:
                best = _clean_company(spelt[0], keep_team_words=True) or best
                break
    else:  # "thanks for applying to summit formwork" at summitformwork.example
        if best not in named:
            best = (
                _written_in_words(text, _squash(best))
                or _split_by_words(best, text, lowered)
                or best
            )
    # "HE Mosane" at hemosane.example, where the signature writes "Haute École Mosane"
    best = next((c for c in named if _abbreviates(best, c)), best)
    best = _spelled_out(best, text) or best
    # "Harrow" from "Harrow Talent" (the team words taken off), but the domain is harrowtalent:
    # the domain spells the whole name, so the whole name it is.
    spelled = [
        c
        for c in candidates
        if c in named and _squash(c) in domains and _squash(c) != _squash(best)
    ]
    longer = [c for c in spelled if _squash(c).startswith(_squash(best))]
    if longer:
        return max(longer, key=len)
    # "Coral Bay Resorts Lanzarote" signs the resort at coralbayresorts.example, where the
    # subject says "Revenue Manager, Lanzarote": the company is the name the domain spells,
    # the word after it the place
    head, _, place = best.rpartition(" ")
    if (
        head
        and _squash(head) in domains
        and not ORG_WORDS.search(place)
        and (
            _BRANCH.search(place)
            or head in named
            and re.search(
                rf"(?:\b(?:in|en|à|te|at|near)|[,:])\s+{re.escape(place)}\b(?! [A-Z])", text
            )
        )
    ):
        return head
    # "Gravenmoer" from "Gravenmoer Careers", where the subject and the signature say
    # "Gravenmoer Chemicals": the whole name, when the text writes it out more than once
    whole = [
        c
        for c in named
        if (c.startswith(best + " ") or c.endswith(" " + best))
        and (
            mentions(c) >= 2  # "Vetwerk Detachering", an agency: its trade is in its name
            or (_STAFFING.fullmatch(c[len(best) :]) and _AGENCY_TEXT.search(text))
        )
    ]  # ... or "Construcciones Hermanos Sandoval", where the display name says "Sandoval"
    return max(whole, key=len) if whole else best


_STAFFING = re.compile(
    r"\s+(?:detachering|uitzendbureau|uitzendgroep|personeel|staffing|personnel|interim|intérim|"
    r"zeitarbeit|personaldienstleistungen)",
    re.I,
)
_BRANCH = re.compile(
    r"-(?:noord|zuid|oost|west|nord|sud|süd|est|ouest|north|south|east|centre|centrum)$", re.I
)
_PERSON_AT_ORG = re.compile(r"(.+?)\s*\(([^()]{3,80})\)")
_SENT_WITH = re.compile(
    r"^[ \t]*(?i:sent (?:with|via|through)|powered by|enviado (?:con|por|desde|vía|a través de)|"
    r"envoyé (?:avec|par|via|depuis)|gesendet (?:mit|über|via)|verzonden (?:met|via))\s+"
    r"([A-Z][\w.-]*\w)",
    re.M,
)
_THROUGH = re.compile(
    r"(?:(?i:beworben|bewerbung|postulé|candidature|applied|application|applying|postulaste|"
    r"postulación|sollicitatie|gesolliciteerd)(?:\s+\S+){0,3}?\s+(?i:über|via|vía|through|"
    r"a través de)|(?i:a job|une offre|una vacante|een vacature|eine stelle)\s+(?i:on|sur|en|op|"
    r"auf))\s+$"
)


def _applied_through(text: str, sender: str) -> bool:
    """Whether the mail says the application went through its sender ("Ihre Bewerbung über
    Jobsteig", "vous avez postulé via Lëtzjobs"): a job board, not the employer."""
    sender = sender.strip()
    start = text.find(sender)
    while start != -1:  # the few places that name it, and the words just before each
        after = text[start + len(sender) : start + len(sender) + 1]
        if not after.isalnum() and _THROUGH.search(text, max(0, start - 80), start):
            return True
        start = text.find(sender, start + 1)
    return False


_HEADLINE = re.compile(rf"[^\n]{{2,80}}?\s(?:at|chez|en|bei|bij|@)\s+({COMPANY_NAME})[ \t]*")


def _headline_employer(body: str, writer: str) -> str | None:
    """The employer a professional network shows under the writer of a message: "Jake
    Morrison" over "Senior Technical Recruiter at Stratus EMS"."""
    lines = [line.strip() for line in body.split("\n", 10)[:10] if line.strip()]
    for above, line in zip(lines, lines[1:], strict=False):
        if above == writer.strip():
            headline = _HEADLINE.fullmatch(line)
            return headline.group(1) if headline else None
    return None


def _recased(name: str) -> str:
    """A name written in capitals as a person would write it: "NHS PENNINE VALE ICB" is NHS
    Pennine Vale ICB (short words stay capitals: they are initials, but for "del", "of")."""
    return " ".join(
        w.lower() if i and w.lower() in _CONNECTORS else w if len(w) <= 3 else w.capitalize()
        for i, w in enumerate(name.split())
    )


def _abbreviates(short: str, name: str) -> bool:
    """Whether a name starts with the initials of another's first words: "HU San Rafael" for
    "Hospital Universitario San Rafael"."""
    head, *rest = short.split()
    words = name.split()
    return (
        head.isupper()
        and 2 <= len(head) <= 5
        and len(words) == len(head) + len(rest)
        and all(_fold(w)[:1] == _fold(c) for w, c in zip(words, head, strict=False))
        and [_fold(w) for w in words[len(head) :]] == [_fold(w) for w in rest]
    )


# Small words a name's initials skip: "Instituto de Investigación Biomédica del Mediterráneo"
# is IIBM, "Fundación para la Investigación" FI.
_SKIPPED_IN_INITIALS = "|".join(sorted(_CONNECTORS, key=len, reverse=True))


def _spelled_out(acronym: str, text: str) -> str | None:
    """The name an acronym stands for, where the text writes it out in full: a person names
    the organisation so, and an institute's initials are how its systems write it."""
    letters = acronym.replace("-", "")
    if not (3 <= len(letters) <= 7 and letters.isalpha() and letters.isupper()):
        return None
    # "Valordéchets Meuse-Ourthe (VMO)": the name the text gives it
    named = re.search(rf"({COMPANY_NAME})[ \t]*\({re.escape(acronym)}\)", text)
    if named and named.group(1)[0] == acronym[0] and len(named.group(1)) > len(acronym) + 3:
        return named.group(1)
    # "Agence wallonne des Sols et de l'Eau": an adjective may keep its lower case
    words = rf"\s+(?:(?:{_SKIPPED_IN_INITIALS})\s+){{0,2}}".join(
        rf"(?:[dl]['’])?{letter if i == 0 else f'(?i:{letter})'}[\w'’-]+"
        for i, letter in enumerate(letters)
    )
    for match in re.finditer(rf"(?<![\w'’-]){words}(?![\w'’-])", text):
        capitals = sum(w[0].isupper() for w in re.sub(r"\b[dl]['’]", "", match.group(0)).split())
        if capitals >= len(letters) - 1:
            return match.group(0)
    return None


def _abbreviated_by(name: str, domain: str) -> bool:
    """Whether a domain writes each of a name's words by its first letters, as institutions and
    small firms do: crlephare is the Centre de réadaptation Le Phare, cssrivierenoire the Centre
    de services scolaires de la Rivière-Noire, orionavcrew Orion Aviation Crewing."""
    words = [w for w in map(_squash, re.split(r"[\s'’-]+", name)) if w]

    @cache  # the ways of skipping words meet again: each once
    def spells(i: int, j: int, spelt: int) -> bool:  # words[i:] spell domain[j:]
        if j == len(domain):
            return spelt >= 2
        if i == len(words):
            return False
        word = words[i]
        if i and spells(i + 1, j, spelt):  # "Avonside Veterinary Referrals" at avonsidereferrals
            return True
        k = 0
        while k < len(word) and j + k < len(domain) and domain[j + k] == word[k]:
            k += 1
            if spells(i + 1, j + k, spelt + 1):
                return True
        # "Stokes Croft Cat Clinic" at stokescroftcats: a word in the plural
        if (
            k == len(word)
            and domain[j + k : j + k + 1] == "s"
            and spells(i + 1, j + k + 1, spelt + 1)
        ):
            return True
        return any(  # "Basisschool De Piramide" at bsdepiramide: some of a word's letters
            _cuts_short(domain[j : j + n], word) and spells(i + 1, j + n, spelt + 1)
            for n in range(2, min(4, len(word) - 1) + 1)
        )

    return len(words) >= 2 and spells(0, 0, 0)


_DISPLAY_SEPARATOR = re.compile(r"\s+[-–|·•]\s+")


def _person_and_organisation(display: str, address: str | None) -> tuple[str, str] | None:
    """A display name that shows a person and their organisation, "Carla Jiménez | Puente
    Nurses UK" or "Stéphanie Rey – Les Gones", split in two; None for any other."""
    person, *rest = _DISPLAY_SEPARATOR.split(display, maxsplit=1)
    if not rest or len(person.split()) < 2 or not _looks_like_person(person):
        return None
    if _TEAM_NAME.fullmatch(rest[0]):
        return None  # "Cervecería Altamira – Talento": an organisation and its team
    if _names_domain(rest[0], address) or (
        _name_matches_address(person, address) and not _looks_like_person(rest[0])
    ):
        return person, rest[0]
    return None


def _names_domain(name: str, address: str | None) -> bool:
    """Whether a name is what the address's domain spells: "Les Gones" at lesgones-bistrot."""
    domain = _squash((address or "").rpartition("@")[2].rsplit(".", 1)[0])
    folded = _squash(name)
    return len(folded) > 3 and (domain.startswith(folded) or _abbreviated_by(name, domain))


def _named_subdomain(address: str | None, display: str | None) -> str | None:
    """ "massilia-forwarding" in ne-pas-repondre@massilia-forwarding.recrutor.example, where
    the display name is Massilia Forwarding: an employer's corner of a recruiting platform."""
    labels = (address or "").rpartition("@")[2].split(".")
    corner = _squash(labels[0]) if len(labels) > 2 else ""
    return corner if len(corner) > 3 and _squash(display or "").startswith(corner) else None


def _squash(name: str) -> str:
    """A name as a domain would spell it: "Hadley's Fresh" -> hadleysfresh."""
    return _NOT_LETTER.sub("", _fold(name))


_NOT_LETTER = re.compile(r"[^a-z0-9]")
_AND = ("", "and", "en", "und", "et", "y")  # how a domain may spell "&"


def _names_spelling(
    text: str, domains: set[str], after_connector: bool = False
) -> list[tuple[str, bool]]:
    """Capitalised names in the text whose first words spell one of the sender's domains,
    after a title if one comes first: "Ember & Oak" at emberandoak.example, "Kindcentrum De
    Boomgaard" in "Directeur Kindcentrum De Boomgaard" at kindcentrumdeboomgaard.example,
    "Crestline Recruitment" at crestline-rec.example (a domain may cut the last word short).
    A short line written all in lower case ("brindley plumbing & heating") is read as if
    capitalised. Each name comes with whether the domain cut it short (a weaker sign).
    `after_connector`: a name may begin after "de", "of" ("Gestión Humana de Clínica San
    Borja"), where only a guess from the domain is at stake ("Ayuntamiento de Zubialde" is
    all of its name)."""
    found = []
    starts = {d[:2] for d in domains}
    lines = [
        line.title() if line == line.lower() and len(line.split()) <= 5 else line
        for line in text.split("\n")
    ]
    for match in _CAPITALISED_NAME.finditer("\n".join(lines)):
        words = match.group(0).split()
        for first, word in enumerate(words):
            start = word[:2].lower()
            if start not in starts and (start.isascii() or _fold(start) not in starts):
                continue  # most names: cheap to rule out
            since = (  # "Gestión Humana de Clínica San Borja": a name may begin after "de"
                first
                - next(
                    (i for i, w in enumerate(reversed(words[:first])) if w in _CONNECTORS), first
                )
                if after_connector
                else 0
            )
            if any(
                not (TITLE_WORDS.fullmatch(before) or before == "The")
                for before in words[since:first]
            ):
                break  # "Gemeente Hoogmeer" is all of its name, not "Hoogmeer"
            spelled = _spelled(words[first:], domains)
            if spelled:
                begin = first - 1 if words[first - 1 : first] == ["The"] else first
                found.append((" ".join(words[begin : first + abs(spelled)]), spelled < 0))
                break
    return found


def _written_in_words(text: str, squashed: str) -> str | None:
    """Words of the text that run together into `squashed`, capitalised as a name when the
    writer did not ("summit formwork")."""
    if squashed not in _squash(text):
        return None  # most mail: one pass over the text, not one per word
    words = _WORD.findall(text)
    for start, word in enumerate(words):
        if not squashed.startswith(_squash(word)) or len(_squash(word)) < 3:
            continue
        spelling = ""
        for end in range(start, min(start + 5, len(words))):
            spelling += _squash(words[end])
            if spelling == squashed and end > start:
                name = words[start : end + 1]
                if all(w.islower() for w in name):
                    name = [w if w in _CONNECTORS else w.capitalize() for w in name]
                return " ".join(name)
            if not squashed.startswith(spelling):
                break
    return None


_WORD = re.compile(r"[\w'’]+")


def _split_by_words(guess: str, text: str, lowered: str) -> str | None:
    """A domain run together, split where the text writes one of its words: "Tidewater" in
    the mail at tidewaterapparel.example makes "Tidewater Apparel"."""
    squashed = _squash(guess)
    if " " in guess or len(squashed) < 8:
        return None
    if squashed[:4] not in lowered and squashed[-4:] not in lowered:
        return None  # most mail: no word of it at all
    for word in sorted(set(_CAPITALISED_WORD.findall(text)), key=len, reverse=True):
        part = _squash(word)
        if len(part) < 4 or len(squashed) - len(part) < 3:
            continue
        if squashed.startswith(part):
            return f"{word} {squashed[len(part) :].capitalize()}"
        if squashed.endswith(part):
            return f"{squashed[: -len(part)].capitalize()} {word}"
    return None


_CAPITALISED_WORD = re.compile(r"\b[A-ZÀ-Þ][\w'’]{3,}")


def _spelled(words: list[str], domains: set[str]) -> int:
    """How many of `words` name a domain: all of them when their first ones spell it (the name
    goes on past the domain); when the domain cuts a word short ("rec" for Recruitment), those
    up to that word, as a negative number; else 0."""
    spellings = {""}
    for count, word in enumerate(words, 1):
        squashed = _squash(word)
        if count > 1 and len(squashed) > 4 and word != "&":
            for spelling in spellings:
                for domain in domains:
                    if not domain.startswith(spelling):
                        continue
                    cut = domain[len(spelling) :]
                    if 3 <= len(cut) < len(squashed) and _cuts_short(cut, squashed):
                        return -count
        ways = {squashed}
        if not word.isascii():  # "Schöckl" at schoeckl-careers
            ways.add(_squash(_umlauts_spelt_out(word)))
        if word == "&":
            ways = set(_AND)
        elif word.lower() in _CONNECTORS:
            ways.add("")
        spellings = {s + w for s in spellings for w in ways}  # "aceroshuerva": Aceros del Huerva
        if spellings & domains:
            return len(words)
        spellings = {s for s in spellings if any(d.startswith(s) for d in domains)}
        if not spellings:
            return 0
    return 0


def _cuts_short(short: str, word: str) -> bool:
    """Whether a domain writes `word` as `short`: its start ("rec" for recruitment) or some of
    its letters in order, the first one first ("pkg" for packaging, "mfg" for manufacturing)."""
    if word.startswith(short):
        return True
    letters = iter(word[1:])
    return short[0] == word[0] and all(letter in letters for letter in short[1:])


# What divides a signature line into name, title, company and place.
_SIGNATURE_SEPARATOR = re.compile(r"\s+(?:[|·•–—@/-]|at|bei|chez)\s+|,\s+")
_ROAD = (
    r"\b(?i:polígono|calle|avenida|avda|paseo|carrer|rue|straße|strasse|gasse|straat|laan|ctra|"
    r"carretera|camino|plaza|chemin|boulevard|avenue|allée)\b"
)
_ADDRESS_OR_LINK = re.compile(rf"\d{{3}}|www\.|https?:|\d+\s*$|^\d+\s|{_ROAD}")
_STREET = re.compile(_ROAD)


_TITLE_IN_LOWER_CASE = re.compile(
    r"((?:[a-zà-ÿ][\w-]*|/)(?:\s+(?:[a-zà-ÿ][\w-]*|/))*)\s+(?=[A-ZÀ-Þ])"
)


def _signature_companies(line: str, contact: str | None) -> list[str]:
    """The organisations a signature line may name: "Engineering Manager, LumenForge",
    "Nikhil Varma | Recruiting | Orrery Systems", "Fernwood Robotics · Pittsburgh, PA".
    Which one is right is left to `_company`, by agreement with the rest of the email."""
    if EMAIL_IN_TEXT.search(line) or _LINK.search(line):
        return []
    if contact:
        line = line.replace(contact, " | ")
    title = _TITLE_IN_LOWER_CASE.match(line)
    if title and TITLE_WORDS.search(title.group(1)):  # "adjunct-directeur Basisschool De Piramide"
        line = f"{title.group(1)} | {line[title.end() :]}"
    segments = [s.strip() for s in _SIGNATURE_SEPARATOR.split(line) if s.strip(" |")]
    alone = len(segments) == 1 and segments[0].strip(" |")
    if alone and (TITLE_WORDS.search(line) or (" " not in alone and _is_role_noun(alone))):
        return []  # a title alone: "Senior Recruiter", "Praktijkmanager"
    if len(segments) >= 3 and all(" " not in s.strip(" |") for s in segments):
        return []  # "Manchester · London · Madrid": its offices
    titled = len(segments) > 1 and TITLE_WORDS.search(segments[0])
    found = []
    for segment in segments:
        if segment.endswith(")"):  # "Severn Vale Cat Rescue (Registered Charity 1099001)"
            segment = _IN_BRACKETS.sub("", segment)
        if _STREET.search(segment):
            break  # a street, then its town: "400, boulevard Charest Est, Québec (Québec)"
        if _ADDRESS_OR_LINK.search(segment) or names_ats(segment):
            continue
        words = segment.split()
        if titled and len(words) > 1 and all(w[0].islower() for w in words[1:]):
            continue  # "Cheffe de service – Réadaptation hospitalière": her unit, not her employer
        if HONORIFIC.fullmatch(segment + " "):
            continue  # "DI" left of "DI Ingrid Aigner" once her name is taken out
        if (
            len(words) > 2
            and _is_role_noun(words[0])
            and (words[1].isupper() or words[0].lower() not in _ROLE_NOUNS)
        ):  # "Zorgmanager WZC De Bremhof", "Praktijkmanager Dierenkliniek Heumen": a title first
            segment = segment.partition(" ")[2]
        company = _clean_company(segment.strip(" |"))
        if (
            not company
            or TITLE_WORDS.search(company)
            or _looks_generic(company)
            or ORG_WORDS.fullmatch(company)
            or _too_long(company)
            or (contact and company in contact.split())
        ):
            continue
        found.append(company)
    return found


def _too_long(name: str) -> bool:
    """More words than an organisation's name, unless an institution's, spelled out."""
    words = len([w for w in name.split() if w.lower() not in _CONNECTORS])
    return words > 5 and (words > 7 or not _INSTITUTION.search(name))


_GENERIC = re.compile(
    r"(?i)(?:unfortunately|thank you|thanks|dear|hi|hello|this|ihnen|ihr|ihre|sie|dir|dich|euch|"
    r"your|our|we|it|the|a|an|after|our team|talent|team|linkedin|forwarded message|"
    r"global|corporate|international|central|group|"  # left of "Global Talent Acquisition"
    r"original message|message transféré|weitergeleitete nachricht|mensaje reenviado|"
    r"doorgestuurd bericht|sent from mobile|"
    r"manage your data|privacy policy|unsubscribe|stelle|position|job|l['’]entreprise|l['’]employeur|"
    r"ffôn|ffon|tel|phone|mobile|mob|fax|e-?mail|e-bost)"
)
_LINK = re.compile(r"www\.|https?:")
_DASHES = re.compile(r"[-_]+")


def _looks_generic(name: str) -> bool:
    return bool(_GENERIC.fullmatch(name))


# "quarrylabs" is "Quarry Labs": a domain run together ends in one of these words.
_DOMAIN_WORD = re.compile(
    r"^([a-z]{4,}?)(labs?|tech|health|pay|payments|energy|media|group|systems|works|software|"
    r"bank|cloud|data|studios?|games|foods|logistics|capital|partners|ventures|robotics|"
    r"security|mobility|insurance|solutions|digital|consulting|analytics|networks|motors|retail|"
    r"travel|(?<!blue)(?<!foot)(?<!finger)print|plumbing|brewery|legal|people|recruitment|"
    r"engineering|construction|architects|dental|freight|transport|marketing|events|hotels|"
    r"hoteles|resorts?|stays|surgical|medical|pharma|maps|apparel|marine|shipping|advisory|"
    r"diagnostics|devices|creativa)$"
)


# The words of a relay's own mailboxes, around a company's name or instead of it.
_ATS_MAILBOX_WORDS = re.compile(
    r"(?:^|[-_.])(?:no-?reply|do-?not-?reply|notifications?|careers?|jobs|mail|"
    r"talent|autoreply|system|candidates?|apply|hiring|hr|team|info|recruit\w*|recrutement|"
    r"reclutamiento|seleccion|bewerbung\w*|werving)(?=$|[-_.])"
)
_PUBLIC_LABELS = {
    "gov",
    "gob",
    "gouv",
    "ac",
    "nhs",
    "edu",
    "co",
    "org",
    "com",
    "net",
    "nsw",
    "vic",
    "qld",
}


def _company_from_address(address: str | None) -> str | None:
    if not address or "@" not in address:
        return None
    local, _, domain = address.lower().rpartition("@")
    if names_ats(domain):  # "kelpieinsurance@myworkday.com", "careers-calloway@icims"
        word = _ATS_MAILBOX_WORDS.sub("", local.partition("+")[0]).strip("-_.")
        if not word or any(c.isdigit() for c in word) or NO_REPLY_LOCAL.match(local):
            return None  # "wd3-notifications", "no-reply": the relay's own mailbox
    elif FREEMAIL.match(domain):
        return None
    else:
        labels = domain.split(".")
        index = max(len(labels) - 2, 0)
        # caerwen.gov.example is Caerwen's, kwanferreira.com.au and riverbend.nsw.gov.au too
        while index > 0 and (
            labels[index] in _PUBLIC_LABELS
            or (len(labels[index]) == 2 and labels[index - 1] in _PUBLIC_LABELS)
        ):
            index -= 1
        word = labels[index]
    word = _DOMAIN_WORD.sub(r"\1 \2", _DASHES.sub(" ", word).strip())
    return word.title() if word else None


def _role(
    subject: str, body: str, patterns: list[re.Pattern[str]], company: str | None = None
) -> str | None:
    """The role as the mail names it, read in the subject and the text; none rather than a
    wrong one, as the reply will name it."""
    for text in (subject, " ".join(body[:3000].split())):
        for pattern in patterns:  # those of _ROLE_PATTERNS that may match
            for match in pattern.finditer(text):
                role = _ROLE_STOP.sub("", match.group(1)).strip(" ,.-–")
                role = _REQUISITION.sub("", _without_employer(role, company))
                words = role.split()
                if (
                    words
                    and len(role) > 1  # "as soon as I had" names no role "I"
                    and len(words) <= 7
                    and not _looks_generic(role)
                    and words[0].lower() not in {"the", "our", "this", "your", "a", "an"}
                    and (pattern is not _LOWER_CASE_ROLE or _headed_by_role_noun(words))
                ):
                    if (
                        len(words) == 1
                        and role == match.group(1).strip()
                        and _ROLE_NOUN_FIRST.match(role)
                    ):  # "Chef de projet IT", "Analyste financier": a head noun, then lower case
                        more = _ROLE_GOES_ON.match(text, match.end(1))
                        role += more.group(0) if more else ""
                    return role
    return _role_in_subject(subject, company)  # it skips the parts that name the company


def _without_employer(role: str, company: str | None) -> str:
    """ "Community Manager de Casa Luma": the role without the company a pattern ran into."""
    if not company or not role.endswith(" " + company):
        return role
    return _TRAILING_OF.sub("", role[: -len(company)].rstrip())


_TRAILING_OF = re.compile(r"\s+(?:de|del|at|bei|bij|chez)$")
_REQUISITION = re.compile(r"^(?:[\w-]*\d[\w-]*\s+)+")  # "JR-20417 Financial Analyst II"

_ROLE_NOUNS = (
    *("engineer", "developer", "analyst", "scientist", "designer", "manager", "lead"),
    *("director", "architect", "consultant", "intern", "trainee", "programmer", "specialist"),
    *("coordinator", "officer", "adviser", "advisor", "planner", "accountant", "bookkeeper"),
    *("administrator", "researcher", "writer", "editor", "controller", "solicitor"),
    *("technician", "representative", "recruiter", "nurse", "therapist", "assistant"),
    *("associate", "counsel", "paralegal", "liaison", "teacher", "leader", "pharmacist"),
    *("worker", "driver", "operator", "electrician", "mechanic", "chef", "cook"),
    *("receptionist", "agent", "executive", "clerk", "auditor", "tester", "paramedic"),
    *("attendant", "hygienist", "surgeon", "midwife", "supervisor", "buyer", "strategist"),
    *("economist", "lawyer", "secretary", "instructor", "lecturer", "tutor", "librarian"),
    *("archivist", "curator", "ingenieur", "leiter", "referent", "berater", "entwickler"),
    *("techniker", "kaufmann", "kauffrau", "fachkraft", "assistenz", "sachbearbeiter"),
    *("sachbearbeitung", "buchhalter", "apotheker", "pfleger", "erzieher", "elektriker"),
    *("elektroniker", "mechaniker", "mechatroniker", "koordinator", "architekt", "planer"),
    *("prüfer", "therapeut", "arzt", "ärztin", "lehrer", "betreuer", "fahrer", "angestellte"),
    *("angestellter", "mitarbeiter", "spezialist", "werkstudent", "praktikant", "leitung"),
    *("medewerker", "adviseur", "leerkracht", "verpleegkundige", "leider", "coördinator"),
    *("analist", "ontwikkelaar", "begeleider", "consulent", "technieker", "monteur"),
    *("mecanicien", "kapster", "barbier", "docent", "leraar", "beheerder", "chauffeur"),
    *("assistente", "directeur", "stagiair", "tandarts", "voorzitter"),
)
_ROLE_ENDINGS = tuple(n + end for n in _ROLE_NOUNS for end in ("", "in", "s", "nen"))


def _is_role_noun(word: str) -> bool:
    """A job title ends in a word like these, or is one ("Lohnbuchhalter", "Projectleider"):
    English, German and Dutch put the head noun last, compounds included."""
    low = word.lower()
    return low.endswith(_ROLE_ENDINGS) and low not in ("leider", "leiders")


# ... French and Spanish put it first: "Técnico de maintenance", "collaborateur comptable".
_ROLE_NOUN_FIRST = re.compile(
    r"(?i)^(?:técnic[oa]|coordinador|jef[ea]|gerente|analista|ingenier[oa]|responsable|"
    r"asistente|auxiliar|profesor|director|especialista|consultor|contable|contador|"
    r"administrativ[oa]|desarrollador|diseñador|enfermer[oa]|abogad[oa]|ejecutiv[oa]|"
    r"representante|operari[oa]|vendedor|recepcionista|camarer[oa]|cociner[oa]|conductor|"
    r"psicólog[oa]|trabajador|educador|planificador|tripulante|technicien|ingénieur|chargé|"
    r"assistant|comptable|collaborat|pharmacien|infirmi|conseill|développeu|chef|directeu|"
    r"directrice|coordinat|gestionnaire|analyste|juriste|avocat|enseignant|professeur|éducat|"
    r"cuisinier|serveu|réceptionniste|vendeu|préparat|opérat|animat|aide-soignant|commis|"
    r"stagiaire|alternant|\w*thérapeute)"
)
_SUBJECT_PARTS = re.compile(r"\s+[-–—|·]\s+|:\s+|\s*[()]\s*")
_REPLY_PREFIX = re.compile(r"^\s*(?:(?:re|fwd?|aw|wg|tr|rv)\s*:\s*)+", re.I)
# What a subject puts before the role: "Proceso UX Researcher", "Vacature Controller",
# "Nachfrage Bewerbung Revenue Manager", "REQ-48213 Regulatory Reporting Analyst".
_SUBJECT_HEAD = re.compile(
    r"(?i)^(?:(?:feedback|update|terugkoppeling|rückmeldung|retour|respuesta|your application|"
    r"ihre bewerbung|votre candidature|su candidatura|tu candidatura|tu postulación|"
    r"je sollicitatie|uw sollicitatie|your|nachfrage|bewerbung|stelle|interview|proceso|"
    r"búsqueda|vacante|postulación|candidat[ao]|candidatura|sollicitatie|kandidatuur|"
    r"vacature|opdracht|\w*gesprek|procedure|case|portfolioreview|lo de|ref|poste de|"
    r"offre d.emploi|application(?: status)?|job|tech interview|candidate status update|"
    r"(?:rückmeldung )?zur position|position|concours|auswahlverfahren|stellenbesetzung\w*|"
    r"besetzung|ausschreibung|mandat|vervolg|\w*opdracht|campaign|follow-up on|regarding|"
    r"requisition|proceso de selección|ihr profil|fonction de|le poste|de functie|puesto|no\.)"
    r"(?:\s+(?:for|als|voor|für|pour|para|on|as|de|zur|zum))?|[\w/-]*\d[\w/-]*:?)(?:\s+|$)"
)
_SUBJECT_TAIL = re.compile(
    r"(?i)\s+(?:post|role|position|vacancy|opening|application|update|interview|feedback|"
    r"process|search|vacature|vacante|stelle|final interview|h/f|applications|[\d/]+|\W+)$"
)
_SUBJECT_ELSEWHERE = re.compile(r"(?i)^(?:via|with|to|at|bei|chez|from|von)\s")  # a company
_LOWER_LEAD = re.compile(r"^(?:(?:a|à|[a-zà-ÿ][\w'’.]*)\s+)+(?=[A-Z])")  # "gesprekken", "à l'offre"


def _role_in_subject(subject: str, company: str | None = None) -> str | None:
    """A subject that names the role on its own: "Data Engineer – next steps", "Vacature
    trajectbegeleider", "Votre candidature – Technicien de maintenance industrielle"."""
    headed = False  # a part like "Ihre Bewerbung" says the next one is the role
    for part in _SUBJECT_PARTS.split(_REPLY_PREFIX.sub("", subject)):
        part = part.strip(" ,.!?\"'«»“”")
        bare = _SUBJECT_TAIL.sub("", part)
        previous = None
        while previous != bare:
            previous, bare = bare, _SUBJECT_HEAD.sub("", bare)
        if not bare:
            headed = bool(part)
            continue
        framed, headed = headed or bare != part, False
        if _SUBJECT_ELSEWHERE.match(bare) or (company and company in bare):
            continue  # "Your application via Stanhope Executive", "Thames Executive Jets"
        lead = _LOWER_LEAD.match(bare)
        if lead and not any(map(_is_role_noun, lead.group().split())):
            bare = bare[lead.end() :]
        bare = _ROLE_STOP.sub("", bare).strip(" ,.-–")
        words = bare.split()
        if not words or len(words) > 6 or _looks_generic(bare):
            continue
        if len(words) == 1 and not (framed and len(bare) > 5):
            continue  # one word alone ("Lead") is too often something else
        ends = next((i for i, w in enumerate(words) if _is_role_noun(w)), None)
        if (
            ends is not None
            and all(w[0].isupper() or w.lower() in _ROLE_JOINERS for w in words[: ends + 1])
            and all(w[0].isupper() or not w[0].isalpha() for w in words[ends + 1 :])
        ):
            return bare
        if _ROLE_NOUN_FIRST.match(bare) and (framed or len(words) > 1):
            return bare
        if framed and ends is not None:
            return bare  # "leerkracht groep 8" after "Uw sollicitatie"
    return None


_ROLE_JOINERS = {"of", "and", "for", "&", "in", "de", "du", "des", "la", "le", "en", "für", "und"}
