#!/usr/bin/env python3
"""Write the demo mailbox shipped with the package: 01.eml ... 18.eml in this folder.

Run:  python3 server/nextlead/demo/make_demo.py

Eighteen invented emails to Jordan Rivera, dated over the six weeks before 2026-11-26, oldest
first: seven job rejections of different kinds and eleven pieces of ordinary job-search mail,
so a new user sees the tool find and answer rejections with no account configured.
Output is deterministic (fixed Message-IDs and MIME boundaries). Every company, person and
address is invented; the texts are deliberately not those of the test corpus.
"""

# Email bodies keep one paragraph per source line; the generator wraps them itself.
# ruff: noqa: E501

from __future__ import annotations

import datetime as dt
import email
import email.policy
import email.utils
import hashlib
import html as htmllib
import sys
import textwrap
from email.message import EmailMessage
from pathlib import Path

HERE = Path(__file__).resolve().parent
JORDAN = "Jordan Rivera <jordan.rivera@example.net>"
MAILS: list[dict] = []


def mail(
    date,
    frm,
    subject,
    text=None,
    *,
    html=None,
    reply_to=None,
    to=JORDAN,
    cc=None,
    headers=None,
    cte=None,
    rejection=False,
):
    MAILS.append(
        dict(
            date=date,
            frm=frm,
            subject=subject,
            text=text,
            html=html,
            reply_to=reply_to,
            to=to,
            cc=cc,
            headers=headers or {},
            cte=cte,
            rejection=rejection,
        )
    )


def wrap(text: str) -> str:
    out = []
    for line in text.split("\n"):
        out.extend(
            [line]
            if len(line) <= 76 or line.startswith(">")
            else textwrap.wrap(line, 72, break_long_words=False, break_on_hyphens=False)
        )
    return "\n".join(out)


def card(brand: str, text: str, color: str, footer: str, pixel: str | None = None) -> str:
    ps = "\n".join(
        '<p style="margin:0 0 14px 0">'
        + "<br>".join(htmllib.escape(x) for x in b.split("\n"))
        + "</p>"
        for b in text.strip().split("\n\n")
    )
    px = f'<img src="{pixel}" width="1" height="1" alt="" style="border:0">' if pixel else ""
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8">
<style>td.c {{ font: 15px/22px Arial, Helvetica, sans-serif; color: #2d2d2d; }}</style></head>
<body style="margin:0;background:#f1f3f5">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f1f3f5;padding:20px 0"><tr><td align="center">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="background:#ffffff">
<tr><td style="background:{color};color:#ffffff;font:bold 19px Arial,sans-serif;padding:16px 26px">{htmllib.escape(brand)}</td></tr>
<tr><td class="c" style="padding:26px">
{ps}
</td></tr>
<tr><td style="font:11px Arial,sans-serif;color:#8c8c8c;padding:12px 26px;border-top:1px solid #e5e5e5">{footer}</td></tr>
</table></td></tr></table>
{px}
</body></html>
"""


AUTO = {"Auto-Submitted": "auto-generated"}

# ---------------------------------------------------------------------------- the mailbox

mail(
    "2026-10-15 09:14 -0700",
    "Sablewood Systems <no-reply@hire.lever.co>",
    "We've received your application - Staff Data Engineer",
    """Hi Jordan,

Your application for Staff Data Engineer at Sablewood Systems is in. Thanks for thinking of us!

A person on our recruiting team looks at every application. If there's a fit, we'll be in touch within two weeks to set up a first conversation.

In the meantime, you might enjoy our engineering blog, where the data team recently wrote about moving our warehouse to Iceberg tables.

Sablewood Systems Recruiting
""",
    headers=AUTO,
)

mail(
    "2026-10-16 06:30 +0000",
    "JobScout <alerts@jobscout.example>",
    '8 new matches for "data engineer" (remote)',
    html="""<html><body style="font-family:Arial,sans-serif;color:#222">
<table width="600" align="center" cellpadding="0" cellspacing="0"><tr><td>
<h2 style="font-size:19px">8 new jobs for your search "data engineer" &middot; remote</h2>
<p><a href="https://jobscout.example/j/901" style="font-weight:bold">Data Engineer, Billing</a><br><span style="color:#666">Ferrobyte &middot; Remote (US) &middot; posted today</span></p>
<p><a href="https://jobscout.example/j/902" style="font-weight:bold">Senior Analytics Engineer</a><br><span style="color:#666">Tallis Health &middot; Remote &middot; 2 days ago</span></p>
<p><a href="https://jobscout.example/j/903" style="font-weight:bold">Data Platform Engineer</a><br><span style="color:#666">Quince Bank &middot; Charlotte, NC or remote</span></p>
<p><a href="https://jobscout.example/search/55">View all 8 jobs</a></p>
<p style="font-size:11px;color:#999">You set up this alert on JobScout. <a href="https://jobscout.example/alerts/55/off">Turn it off</a>.</p>
</td></tr></table>
<img src="https://jobscout.example/o/55.gif" width="1" height="1" alt="">
</body></html>
""",
)

mail(
    "2026-10-19 14:02 -0400",
    "Caleb Morgan <caleb.morgan@ferrobyte.example>",
    "Ferrobyte - Analytics Engineer",
    """Hi Jordan,

Thanks for making time for our call on Thursday; I enjoyed hearing how you rebuilt the revenue dashboards at your last job.

I've talked it through with the hiring manager, and we're not going to move you forward for the Analytics Engineer opening. For this team they want someone who has owned a Looker semantic layer end to end, and that came up short in our conversation.

That's specific to this role, not a verdict on you, and I'd be happy to hear from you again when our platform roles open in the new year.

All the best,
Caleb

Caleb Morgan
Technical Recruiter, Ferrobyte
(646) 555-0131
""",
    rejection=True,
)

mail(
    "2026-10-21 11:40 -0500",
    "Quince Bank via TestGrid <no-reply@testgrid.example>",
    "Your Quince Bank coding exercise is ready",
    """Hello Jordan,

As the next step for the Data Platform Engineer role, Quince Bank invites you to a 75-minute coding exercise (SQL and Python).

Please complete it by October 28 at 11:59 pm CT: https://app.testgrid.example/t/QB-2213

You can take a practice question first. Once you start, the timer runs until you submit.

Good luck!
TestGrid on behalf of Quince Bank
""",
    headers=AUTO,
)

mail(
    "2026-10-23 16:25 -0400",
    "Noor Haddad <noor.haddad@mailbox.example>",
    "how's it going?",
    """Hey Jordan,

Haven't heard from you in a bit - how's the search? Last time we talked you had that Sablewood thing going.

I'm buried in our year-end launch but free for dinner on the 7th if you are. My treat, you can tell me everything.

N.
""",
)

mail(
    "2026-10-26 10:05 -0700",
    "Ines Carvalho <ines.carvalho@sablewood.example>",
    "Sablewood: final interviews for Staff Data Engineer",
    """Hi Jordan,

Great news: the team would like to invite you to the final round for Staff Data Engineer!

It's four 45-minute conversations over Zoom on Tuesday, November 3, from 10:00 to 14:00 Pacific, with a break in the middle:
- Data modelling with Arun
- Pipeline design with Imogen Walsh (hiring manager)
- Collaboration and values with Beth
- Q&A with our CTO

Please confirm that the time works, or suggest another day that week.

Best,
Ines Carvalho
Recruiting Coordinator, Sablewood Systems
""",
)

mail(
    "2026-10-28 03:15 +0000",
    "Ridgeview Utilities <ridgeview@myworkday.com>",
    "Business Intelligence Developer (R-50812)",
    """Dear Applicant,

We have reviewed your application for Business Intelligence Developer (R-50812).

Your application will not proceed further in the selection process for this position. Other applicants' qualifications were a closer match to the requirements of the job.

You may review your applications and apply for other openings on the Ridgeview Utilities Career Site.

This message was sent automatically. Please do not reply.
""",
    headers=AUTO,
    rejection=True,
)

mail(
    "2026-10-30 15:50 +0000",
    "Felix Adeyemi <felix.adeyemi@keystonetalent.example>",
    "Data Engineer contract - the client's answer",
    """Hi Jordan,

The client came back to me this afternoon about the six-month Data Engineer contract. They've offered it to another candidate who has worked with their exact Snowflake and Fivetran setup before, so you won't be going through to the next stage.

I thought your interview went really well and so did they; it was the tooling that swung it. I've a couple of permanent roles I'd like to run past you next week. Are you free Tuesday morning?

Cheers,
Felix

Felix Adeyemi
Senior Consultant, Data
Keystone Talent Partners
+44 20 7946 0418
""",
    rejection=True,
)

mail(
    "2026-11-02 12:00 +0000",
    "The Hiring Room <letters@thehiringroom.example>",
    "Issue 48: the follow-up email that gets answered",
    html=card(
        "The Hiring Room",
        """Issue 48

Most candidates either never follow up or follow up too often. This week: the three-sentence note that gets answered, when to send it, and what to do with a "not this time".

Also inside: why November is a better month to apply than you think, and a reader's story about turning a runner-up finish into a referral at another company.

Happy hunting,
Bea from The Hiring Room""",
        "#2a4d69",
        'You subscribed at thehiringroom.example. <a href="https://thehiringroom.example/unsub">Unsubscribe</a>',
        "https://thehiringroom.example/o/48.gif",
    ),
)

mail(
    "2026-11-04 18:20 +0100",
    "=?UTF-8?Q?Hanna_Schubert?= <hanna.schubert@isarwerk.example>",
    "Ihre Bewerbung als Data Engineer (m/w/d)",
    """Hallo Jordan Rivera,

danke für das Gespräch mit Herrn Lenz und mir in der vergangenen Woche und für Ihre Geduld seitdem.

Wir haben uns entschieden, die Stelle als Data Engineer (m/w/d) mit einer Person zu besetzen, die bereits Erfahrung mit Fahrzeug-Telemetriedaten mitbringt. Wir können Ihnen daher leider kein Angebot machen.

Ihr Profil hat uns gut gefallen, und wir würden uns freuen, wenn Sie sich bei einer passenden Ausschreibung wieder bei uns melden.

Viele Grüße aus München
Hanna Schubert
Recruiting
Isarwerk Mobility GmbH
""",
    rejection=True,
)

mail(
    "2026-11-06 09:45 -0500",
    "Rosa Jimenez <rosa.jimenez@tallishealth.example>",
    "Tallis Health - onsite for Senior Analytics Engineer",
    """Hi Jordan,

Thank you for a great hiring manager conversation yesterday! Mateo was really impressed, and we'd like to bring you onsite to our Boston office for the last round of the Senior Analytics Engineer process.

We'll cover travel. Could you send me two or three dates between November 16 and 20 that work for you?

Best,
Rosa Jimenez
Talent Partner, Tallis Health
""",
)

mail(
    "2026-11-09 17:35 -0800",
    "Imogen Walsh <imogen.walsh@sablewood.example>",
    "Staff Data Engineer",
    """Hi Jordan,

I wanted to tell you myself: after last week's final interviews we've decided to offer the Staff Data Engineer role to another candidate, who has run the kind of streaming migration we're about to start.

It was genuinely close. Your modelling session was the best the panel saw, and Arun is still talking about your approach to slowly changing dimensions. I'm sorry this isn't the outcome you were hoping for.

If you'd like detailed feedback, I'm glad to set up a call. And if I hear of teams that need someone like you, I'll pass your name along.

Warmly,
Imogen

Imogen Walsh
Director of Data Engineering
Sablewood Systems
""",
    rejection=True,
)

mail(
    "2026-11-11 08:30 -0500",
    "Marcus Hale <marcus.hale@quincebank.example>",
    "Data leadership at Quince Bank",
    """Hi Jordan,

I'm on the talent team at Quince Bank. Separately from the platform role you've applied for, we're building a new Data Reliability group and I think your background could be a great fit for its lead engineer.

Would you be open to a 20-minute conversation next week? I can share the scope and compensation range then.

Best regards,
Marcus Hale
Senior Talent Partner, Quince Bank
""",
)

mail(
    "2026-11-13 10:10 -0500",
    "Glasshouse Insurance <no-reply@us.greenhouse-mail.io>",
    "Your application for Senior Data Analyst",
    """Hi Jordan,

Thank you for your interest in Glasshouse Insurance and for interviewing for our Senior Data Analyst position.

We have reviewed your experience against the needs of the team and have decided to pursue other candidates at this time. We appreciate the effort you put into the process.

If you have any questions, you can reply to this email and it will reach me directly.

Kind regards,
Anita Desai
Recruiter, Glasshouse Insurance
""",
    reply_to="Anita Desai <anita.desai@glasshouse.example>",
    html=card(
        "Glasshouse Insurance",
        """Hi Jordan,

Thank you for your interest in Glasshouse Insurance and for interviewing for our Senior Data Analyst position.

We have reviewed your experience against the needs of the team and have decided to pursue other candidates at this time. We appreciate the effort you put into the process.

If you have any questions, you can reply to this email and it will reach me directly.

Kind regards,
Anita Desai
Recruiter, Glasshouse Insurance""",
        "#1c6e8c",
        "Powered by Greenhouse",
        "https://us.greenhouse-mail.io/o/gh7791/open.gif",
    ),
    rejection=True,
)

mail(
    "2026-11-16 07:00 -0500",
    "Anita Desai <anita.desai@glasshouse.example>",
    "Automatic reply: Your application for Senior Data Analyst",
    """Thanks for your message. I'm away from the office until Monday, November 23, and will reply when I'm back.

If your question is about an interview that is already scheduled, please write to recruiting@glasshouse.example.

Anita
""",
    headers={"Auto-Submitted": "auto-replied", "In-Reply-To": "<demo-reply@example.net>"},
)

mail(
    "2026-11-18 13:55 -0600",
    "Copperfield Outfitters Careers <careers@copperfield.example>",
    "Data Analyst - Minneapolis",
    """Dear Jordan,

Thank you for applying to the Data Analyst position at our Minneapolis headquarters.

We're writing to let you know that the position has now been filled, and we are closing the search. We were grateful for the interest from so many strong applicants, including you.

We hope you will consider Copperfield Outfitters again in the future.

With thanks,
The Copperfield Outfitters Careers Team
""",
    rejection=True,
)

mail(
    "2026-11-20 16:40 -0500",
    "Rosa Jimenez <rosa.jimenez@tallishealth.example>",
    "Next steps - preparing your offer",
    """Hi Jordan,

The team loved meeting you on Wednesday and we're moving to the offer stage for the Senior Analytics Engineer role!

Before I put the package together, could we have a quick call on Monday about your salary expectations and preferred start date? I'll also need consent to run a standard background check once the offer is signed.

Congratulations on getting this far, and talk soon,
Rosa
""",
)

mail(
    "2026-11-24 02:12 +0000",
    "Ridgeview Utilities <ridgeview@myworkday.com>",
    "Your application status has been updated",
    """Dear Applicant,

There has been an update to one of your applications with Ridgeview Utilities.

Sign in to the Career Site to see the details: https://wd3.myworkday.example/ridgeview/login

This message was sent automatically. Please do not reply.
""",
    headers=AUTO,
)


# ---------------------------------------------------------------------------- writing


def build(n: int, m: dict) -> bytes:
    msg = EmailMessage(policy=email.policy.default)
    msg["From"] = m["frm"]
    msg["To"] = m["to"]
    if m["cc"]:
        msg["Cc"] = m["cc"]
    if m["reply_to"]:
        msg["Reply-To"] = m["reply_to"]
    msg["Subject"] = m["subject"]
    msg["Date"] = email.utils.format_datetime(dt.datetime.strptime(m["date"], "%Y-%m-%d %H:%M %z"))
    _, addr = email.utils.parseaddr(m["frm"])
    digest = hashlib.sha1(f"demo-{n:02d}".encode()).hexdigest()
    msg["Message-ID"] = f"<demo{n:02d}.{digest[:14]}@{addr.rsplit('@', 1)[-1]}>"
    for k, v in m["headers"].items():
        msg[k] = v
    text = wrap(m["text"]) if m["text"] is not None else None
    if text is not None and m["html"] is not None:
        msg.set_content(text, cte="7bit" if text.isascii() else "8bit")
        msg.add_alternative(m["html"], subtype="html")
        msg.set_boundary("=_demo_" + digest[:20])
    elif m["html"] is not None:
        msg.set_content(m["html"], subtype="html", cte="quoted-printable")
    else:
        msg.set_content(text, cte=m["cte"] or ("7bit" if text.isascii() else "8bit"))
    return msg.as_bytes(policy=email.policy.SMTP)


def main() -> int:
    if len(MAILS) != 18:
        raise SystemExit(f"expected 18 demo emails, have {len(MAILS)}")
    mails = sorted(MAILS, key=lambda m: dt.datetime.strptime(m["date"], "%Y-%m-%d %H:%M %z"))
    if mails != MAILS:
        raise SystemExit("demo emails must be listed oldest first")
    start, end = dt.datetime(2026, 10, 15), dt.datetime(2026, 11, 26)
    for old in HERE.glob("*.eml"):
        old.unlink()
    for n, m in enumerate(mails, 1):
        data = build(n, m)
        parsed = email.message_from_bytes(data, policy=email.policy.default)
        when = parsed["Date"].datetime.replace(tzinfo=None)
        if not start <= when < end or parsed.defects:
            raise SystemExit(f"{n:02d}.eml: bad date or defects")
        (HERE / f"{n:02d}.eml").write_bytes(data)
        print(
            f"{n:02d}.eml  {'REJECTION' if m['rejection'] else '         '}  {m['date'][:10]}  {parsed['Subject']}"
        )
    print(f"{len(mails)} emails, {sum(m['rejection'] for m in mails)} rejections")
    return 0


if __name__ == "__main__":
    sys.exit(main())
