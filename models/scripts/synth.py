"""Synthetic PII documents: templates x lexicons (shared/data) for many document kinds and locales.

Every lexicon and the template list are split deterministically into a training part and a
test part (hash of the entry), so the synthetic test set uses names, places, companies and
templates that training never saw."""
import csv
import hashlib
import os
import random
import string
import sys

sys.path.insert(0, os.path.dirname(__file__))
from common import MAX_WIDTH, split_words  # noqa: E402

SYN_TYPES = ["person", "organization", "location", "street address", "date", "email", "phone number",
             "age", "nationality", "title", "credit card number", "iban", "social security number",
             "ip address", "url", "username", "passport number"]


def is_test(entry, frac=0.1):
    h = int(hashlib.md5(entry.encode("utf-8")).hexdigest()[:8], 16)
    return (h % 1000) < frac * 1000


def _tsv(path):
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def title_case(s):
    return " ".join(w[:1].upper() + w[1:].lower() if w.isalpha() else w for w in s.split())


class Lexicons:
    def __init__(self, data, split):
        keep = (lambda e: is_test(e)) if split == "test" else (lambda e: not is_test(e))
        self.first, self.last = {}, {}
        for r in _tsv(os.path.join(data, "lexicon_faker_names", "faker_names.tsv")):
            loc, kind, name = r["locale"], r["kind"], r["name"].strip()
            if not name or not keep(name):
                continue
            base = loc.split("_")[0]
            if kind.startswith("first"):
                self.first.setdefault(base, []).append(name)
            elif kind.startswith("last"):
                self.last.setdefault(base, []).append(name)
        ssa = [r["name"] for r in _tsv(os.path.join(data, "lexicon_ssa_first_names", "ssa_first_names.tsv"))[:20000]]
        cen = [title_case(r["name"]) for r in _tsv(os.path.join(data, "lexicon_us_census_names", "surnames_1990.tsv"))[:30000]]
        self.first.setdefault("en", []).extend(n for n in ssa if keep(n))
        self.last.setdefault("en", []).extend(n for n in cen if keep(n))
        self.locales = [l for l in self.first if l in self.last and len(self.first[l]) > 20 and len(self.last[l]) > 20]
        cities = _tsv(os.path.join(data, "lexicon_geo", "cities.tsv"))
        self.cities = [(r["name"], r["country"], r["subcountry"]) for r in cities if keep(r["name"])]
        self.us_cities = [c for c in self.cities if c[1] == "United States"]
        self.countries = [r["name"] for r in _tsv(os.path.join(data, "lexicon_geo", "countries.tsv")) if keep(r["name"])]
        comp = [r["name"] for r in _tsv(os.path.join(data, "lexicon_companies", "sec_company_names.tsv"))]
        self.companies = [c for c in comp if keep(c)]
        ap = os.path.join(data, "lexicon_address_parts")
        self.streets = [l.strip() for l in open(os.path.join(ap, "street_names_census1993.txt"), encoding="utf-8") if l.strip() and keep(l.strip())]
        self.suffixes = [r["suffix"] for r in _tsv(os.path.join(ap, "usps_street_suffixes.tsv"))]
        self.units = [r["designator"] for r in _tsv(os.path.join(ap, "usps_secondary_units.tsv"))]
        self.states = [l.strip() for l in open(os.path.join(ap, "us_states.txt"), encoding="utf-8") if l.strip()]
        self.nationalities = [n for n in NATIONALITIES if keep(n)] or NATIONALITIES
        self.titles = [t for t in JOB_TITLES if keep(t)] or JOB_TITLES


NATIONALITIES = ["American", "British", "French", "German", "Italian", "Spanish", "Portuguese", "Dutch", "Belgian",
                 "Swiss", "Austrian", "Polish", "Czech", "Slovak", "Hungarian", "Romanian", "Bulgarian", "Greek",
                 "Turkish", "Swedish", "Norwegian", "Danish", "Finnish", "Irish", "Scottish", "Canadian", "Mexican",
                 "Brazilian", "Argentinian", "Chilean", "Colombian", "Peruvian", "Nigerian", "Kenyan", "Ghanaian",
                 "South African", "Egyptian", "Moroccan", "Indian", "Pakistani", "Chinese", "Japanese", "Korean",
                 "Vietnamese", "Thai", "Indonesian", "Filipino", "Australian", "New Zealander", "Ukrainian",
                 "Lithuanian", "Latvian", "Estonian", "Croatian", "Slovenian", "Serbian", "Icelandic", "Israeli"]
JOB_TITLES = ["Software Engineer", "Senior Software Engineer", "Project Manager", "Sales Director", "Nurse Practitioner",
              "Chief Financial Officer", "Marketing Manager", "Data Analyst", "HR Business Partner", "Accountant",
              "Registered Nurse", "Operations Manager", "Customer Success Manager", "Product Owner", "Legal Counsel",
              "Head of Procurement", "Warehouse Supervisor", "Teaching Assistant", "General Practitioner",
              "Chief Executive Officer", "Account Executive", "Office Manager", "Research Scientist",
              "Financial Controller", "Security Analyst", "Pharmacist", "Physiotherapist", "Recruiter",
              "Civil Engineer", "Paralegal", "Store Manager", "Consultant", "Lab Technician", "Product Designer",
              "IT Support Specialist", "Compliance Officer", "Executive Assistant", "Logistics Coordinator"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "example.com", "example.org", "mail.de", "web.de", "orange.fr",
           "libero.it", "proton.me", "icloud.com", "hotmail.co.uk", "company.io", "acme-corp.com", "uni-hamburg.de",
           "health.gov", "clinic.net", "posteo.de", "gmx.at", "yandex.ru", "free.fr", "telenet.be"]
ORG_SUFFIX = ["Hospital", "Clinic", "University", "Bank", "Insurance", "Logistics", "Consulting", "Group", "Labs",
              "Foundation", "Partners", "Medical Center", "School", "Solutions", "Holdings"]
ORG_LEGAL = ["Inc.", "Ltd", "GmbH", "S.A.", "LLC", "AG", "B.V.", "plc", "SARL", "S.p.A.", "Corp.", "Co."]
# Short clinical / CRM notes: sentence-initial capitalised verbs and adjectives that are not names.
NOTE_FILLER = ["Allergic to latex.", "Prefers text messages over calls.", "Requested a callback on Friday.",
               "Complained about the late delivery.", "Paid in full.", "Polite and patient on the phone.",
               "Wants to upgrade to the premium plan.", "Friendly, asked about discounts.", "Asked for a refund.",
               "Premium member since last year.", "Diabetic, on insulin.", "Needs an interpreter.",
               "Prefers morning appointments.", "Missed the last two appointments.", "Telehealth only.",
               "Renewal due next month.", "Declined the survey.", "Reported dizziness after the new medication.",
               "Vegetarian meals requested.", "Hard of hearing, speak slowly.", "Moved abroad, keep on file.",
               "Pending lab results.", "Returning customer.", "Escalated to billing.", "No known allergies.",
               "Smoker, advised to quit.", "Cancelled twice, charge the fee.", "Chronic back pain.",
               "Follow-up after surgery.", "Satisfied with the service.", "Wheelchair access needed.",
               "Uses the mobile app.", "Overdue balance, reminder sent.", "Mild asthma.", "Called twice today."]
FILLER = NOTE_FILLER + ["Thanks in advance for your help.", "Please find the details below.", "Let me know if anything is unclear.",
          "The meeting was moved because of the holiday.", "We will review the request within two business days.",
          "The package arrived damaged and the box was wet.", "Our records show the payment is still pending.",
          "Kind regards", "Best wishes", "Cheers", "See you soon!", "Sorry for the late reply.",
          "The printer on the second floor is broken again.", "Blood pressure stable, no acute distress.",
          "Follow-up in six weeks.", "Please bring your insurance card and a photo ID.",
          "The invoice total includes VAT.", "Status: open", "Priority: high", "Reference attached.",
          "Can you check the logs for the error?", "The team agreed on the new deadline.",
          "This message may contain confidential information.", "The weather was terrible all week.",
          "I tried restarting the router but it did not help.", "Patient reports mild headache since Monday.",
          "Annual leave request approved.", "Quarterly review scheduled.", "Item returned, refund issued.",
          "All amounts are in EUR.", "Shipping is free for orders over 50 dollars.", "The password reset link expired."]


class Gen:
    def __init__(self, lex, rng):
        self.L, self.r = lex, rng

    # ---- entity makers: return the surface string ----
    def locale(self):
        r = self.r
        return "en" if r.random() < 0.35 else r.choice(self.L.locales)

    def first(self, loc=None):
        loc = loc or self.locale()
        return self.r.choice(self.L.first[loc])

    def lastn(self, loc=None):
        loc = loc or self.locale()
        return self.r.choice(self.L.last[loc])

    def person(self):
        r = self.r; loc = self.locale()
        f, l = self.first(loc), self.lastn(loc)
        x = r.random()
        if x < 0.45: return f"{f} {l}"
        if x < 0.55: return f"{l}, {f}"
        if x < 0.63: return f"{r.choice(['Dr.', 'Mr.', 'Ms.', 'Mrs.', 'Prof.'])} {l}"
        if x < 0.70: return f"{f[0]}. {l}"
        if x < 0.78: return f"{f} {self.first(loc)} {l}"
        if x < 0.84: return f"{f} {l}".upper()
        if x < 0.92: return f
        return f"{f} {l}-{self.lastn(loc)}"

    def org(self):
        r = self.r; x = r.random()
        if x < 0.45 and self.L.companies:
            c = r.choice(self.L.companies)
            return title_case(c) if r.random() < 0.6 else c
        if x < 0.75:
            base = r.choice([self.lastn(), r.choice(self.L.cities)[0], self.lastn() + " & " + self.lastn()])
            return f"{base} {r.choice(ORG_SUFFIX)}"
        return f"{self.lastn()} {r.choice(ORG_LEGAL)}"

    def city(self):
        return self.r.choice(self.L.cities)

    def location(self):
        r = self.r; c = self.city(); x = r.random()
        if x < 0.5: return c[0]
        if x < 0.7: return f"{c[0]}, {c[1]}"
        if x < 0.85: return c[1]
        return r.choice(self.L.countries)

    def street_address(self):
        r = self.r; x = r.random()
        num = str(r.choice([r.randint(1, 99), r.randint(100, 9999), r.randint(1, 300)]))
        st = r.choice(self.L.streets) if r.random() < 0.6 else self.lastn()
        if x < 0.45:
            c = r.choice(self.L.us_cities) if self.L.us_cities else self.city()
            sfx = r.choice(self.L.suffixes).title()
            a = f"{num} {st} {sfx}"
            if r.random() < 0.3: a += f", {r.choice(self.L.units)} {r.randint(1, 40)}"
            if r.random() < 0.8: a += f", {c[0]}, {c[2] if r.random() < 0.5 else r.choice(self.L.states)}"
            if r.random() < 0.7: a += f" {r.randint(10000, 99999)}"
            return a
        c = self.city()
        if x < 0.75:  # continental style
            word = r.choice(["straße", "str.", "weg", "gasse", "laan", "plein", "vej", "gatan"])
            a = f"{self.lastn()}{word} {num}"
            if r.random() < 0.8: a += f", {r.randint(1000, 99999)} {c[0]}"
            return a
        if x < 0.9:
            a = f"{num} {r.choice(['rue', 'avenue', 'via', 'calle', 'rua', 'boulevard'])} {self.lastn()}"
            if r.random() < 0.8: a += f", {r.randint(1000, 99999)} {c[0]}"
            return a
        pc = f"{r.choice(string.ascii_uppercase)}{r.choice(string.ascii_uppercase)}{r.randint(1, 20)} {r.randint(1, 9)}{r.choice(string.ascii_uppercase)}{r.choice(string.ascii_uppercase)}"
        return f"Flat {r.randint(1, 30)}, {num} {st} {r.choice(['Road', 'Lane', 'Street', 'Close'])}, {c[0]} {pc}"

    def date(self):
        r = self.r; d, m, y = r.randint(1, 28), r.randint(1, 12), r.randint(1940, 2030)
        return r.choice([f"{d:02d}/{m:02d}/{y}", f"{m}/{d}/{y}", f"{y}-{m:02d}-{d:02d}", f"{d} {MONTHS[m-1]} {y}",
                         f"{MONTHS[m-1]} {d}, {y}", f"{MONTHS[m-1][:3]} {d}, {y}", f"{d}.{m}.{y}",
                         f"{MONTHS[m-1]} {y}", f"{d} {MONTHS[m-1][:3]} {y}", f"{d:02d}-{m:02d}-{y}"])

    def email(self, name=None):
        r = self.r
        f, l = (name or f"{self.first()} {self.lastn()}").split(" ")[0], self.lastn()
        clean = lambda s: "".join(ch for ch in s.lower() if ch.isascii() and ch.isalnum()) or "user"
        user = r.choice([f"{clean(f)}.{clean(l)}", f"{clean(f)[0]}{clean(l)}", f"{clean(f)}{r.randint(1, 99)}",
                         f"{clean(l)}_{clean(f)}", f"info", f"{clean(f)}-{clean(l)}"])
        return f"{user}@{r.choice(DOMAINS)}"

    def phone(self):
        r = self.r; d = lambda n: "".join(str(r.randint(0, 9)) for _ in range(n))
        return r.choice([f"+1 ({d(3)}) {d(3)}-{d(4)}", f"({d(3)}) {d(3)}-{d(4)}", f"{d(3)}-{d(3)}-{d(4)}",
                         f"+44 {d(4)} {d(6)}", f"+49 {d(3)} {d(7)}", f"+33 {d(1)} {d(2)} {d(2)} {d(2)} {d(2)}",
                         f"0{d(3)} {d(3)} {d(4)}", f"+91 {d(5)} {d(5)}", f"{d(3)}.{d(3)}.{d(4)}", f"+31 6 {d(8)}",
                         f"+39 {d(3)} {d(3)} {d(4)}", f"0{d(2)}-{d(8)}"])

    def age(self):
        a = self.r.randint(1, 99)
        return self.r.choice([str(a), f"{a}-year-old", f"{a} years old", f"{a} yo", f"{a}y"])

    def cc(self):
        r = self.r; d = lambda n: "".join(str(r.randint(0, 9)) for _ in range(n))
        x = r.choice(["4", "5", "37", "6011"])
        num = x + d(16 - len(x))
        return r.choice([num, " ".join(num[i:i+4] for i in range(0, 16, 4)), "-".join(num[i:i+4] for i in range(0, 16, 4))])

    def iban(self):
        r = self.r; cc = r.choice(["DE", "FR", "GB", "NL", "ES", "IT", "BE", "AT", "CH"])
        body = f"{r.randint(10, 99)}" + "".join(r.choice(string.digits + (string.ascii_uppercase if cc in ('GB', 'NL') else '')) for _ in range(18))
        s = cc + body
        return s if r.random() < 0.5 else " ".join(s[i:i+4] for i in range(0, len(s), 4))

    def ssn(self):
        r = self.r
        return f"{r.randint(100, 899)}-{r.randint(10, 99)}-{r.randint(1000, 9999)}"

    def ip(self):
        r = self.r
        return ".".join(str(r.randint(1, 254)) for _ in range(4))

    def url(self):
        r = self.r
        return r.choice([f"https://www.{self.lastn().lower()}.com", f"www.{self.lastn().lower()}-{r.choice(['shop', 'law', 'dental'])}.de",
                         f"https://{r.choice(DOMAINS)}/u/{self.first().lower()}"])

    def username(self):
        r = self.r; f = "".join(c for c in self.first().lower() if c.isascii() and c.isalnum()) or "user"
        return r.choice([f"@{f}{r.randint(1, 999)}", f"{f}_{r.randint(10, 99)}", f"{f}.{self.lastn().lower()[:5]}"])

    def passport(self):
        r = self.r
        return r.choice(string.ascii_uppercase) + "".join(str(r.randint(0, 9)) for _ in range(8))

    def make(self, typ):
        return {"person": self.person, "organization": self.org, "location": self.location,
                "street address": self.street_address, "date": self.date, "email": self.email,
                "phone number": self.phone, "age": self.age, "nationality": lambda: self.r.choice(self.L.nationalities),
                "title": lambda: self.r.choice(self.L.titles), "credit card number": self.cc, "iban": self.iban,
                "social security number": self.ssn, "ip address": self.ip, "url": self.url,
                "username": self.username, "passport number": self.passport}[typ]()


# Templates: {type} slots, type names with '_' for spaces. Each kind has several; ~1 in 5 is held out.
T = {
 "email": [
  "Hi {person},\n\nthanks for your message. I have forwarded it to {person} at {organization}. You can reach her on {phone_number} or at {email}.\n\n{filler}\n{person}\n{title}, {organization}",
  "From: {person} <{email}>\nTo: {email}\nDate: {date}\nSubject: Contract renewal\n\nDear {person}, please confirm the new address {street_address} before {date}. {filler}",
  "Hello team, {person} will join us from {organization} on {date} as {title}. Her desk phone is {phone_number}. {filler}",
  "Dear Mr. {person}, your order was shipped to {street_address} on {date}. Questions? Write to {email}. {filler}",
  "Good morning {person}! {filler} I am travelling to {location} next week, call me at {phone_number} if needed.",
  "Subject: Invitation\n{person} and {person} invite you to the opening of our office in {location} on {date}. RSVP to {email}.",
  "Dear {person},\nwe received your application for the {title} role at {organization}. The interview takes place on {date} at {street_address}. {filler}",
 ],
 "chat": [
  "{person}: hey are you coming to {location} tomorrow?\n{person}: yes, landing at 9, call me on {phone_number}",
  "[{date}] {username}: anyone know {person}'s email? {filler}\n[{date}] {username}: try {email}",
  "lol {person} just moved to {street_address}, party on saturday!!",
  "{person} > my new number is {phone_number}, the old one is dead",
  "ok so {person} from {organization} said the meeting is on {date}",
  "dm me at {username} or mail {email} 🙂",
  "{person}: my ip is {ip_address} and it still gets blocked\n{person}: {filler}",
 ],
 "ticket": [
  "Ticket #{num}\nReporter: {person} ({email})\nCompany: {organization}\nPriority: high\n\nUser cannot log in from {ip_address}. {filler}",
  "Customer {person} called from {phone_number} about invoice {num}. Billing address: {street_address}. {filler}",
  "Issue opened by {username} on {date}: the portal at {url} shows another customer's data ({person}, {email}).",
  "Case {num} - {person} ({age}) reports card {credit_card_number} was charged twice on {date}. {filler}",
  "Support request from {organization}: please update the contact to {person}, {title}, phone {phone_number}.",
 ],
 "medical": [
  "Patient: {person}\nDOB: {date}\nAge: {age}\nAddress: {street_address}\nPhone: {phone_number}\n\n{filler} Seen by Dr. {person_last} at {organization}.",
  "{person}, a {age} {nationality} male, presented to {organization} on {date} with chest pain. {filler}",
  "Referral: {person} (SSN {social_security_number}) is referred to {person} at {organization}, {location}. {filler}",
  "Discharge summary for {person}, admitted {date}, discharged {date}. Contact: {phone_number}. {filler}",
  "Mrs. {person_last} ({age}) lives alone in {location}; her daughter {person} can be reached at {email}.",
 ],
 "hr": [
  "Employee: {person}\nEmployee ID: {num}\nTitle: {title}\nStart date: {date}\nNationality: {nationality}\nPassport: {passport_number}\nHome address: {street_address}\nIBAN: {iban}",
  "{person} ({nationality}, {age}) was promoted to {title} on {date}. Salary is paid to {iban}.",
  "Reference letter: {person} worked at {organization} in {location} from {date} to {date} as {title}. {filler}",
  "Emergency contact for {person}: {person}, {phone_number}, {street_address}.",
  "New hire {person} - email {email} - manager {person} - office {location}.",
 ],
 "invoice": [
  "INVOICE {num}\nBill to: {person}\n{organization}\n{street_address}\nDate: {date}\n\nPay by bank transfer to {iban}. {filler}",
  "Receipt - {organization}, {street_address}, tel. {phone_number}\nCustomer: {person}\nCard: {credit_card_number}\n{filler}",
  "Payment reminder: {person}, your balance is overdue since {date}. Contact {email} or {phone_number}.",
  "Supplier: {organization} ({url})\nContact: {person}, {title}\nDelivery: {street_address}",
 ],
 "form": [
  "Full name: {person}\nDate of birth: {date}\nEmail: {email}\nPhone: {phone_number}\nAddress: {street_address}\nEmployer: {organization}",
  "Name | {person}\nAge | {age}\nCity | {location}\nSSN | {social_security_number}",
  "Applicant {person}, born {date} in {location}, {nationality} citizen, passport {passport_number}.",
  "Username: {username}\nLast login: {date} from {ip_address}\nRecovery email: {email}",
  "Cardholder: {person}\nCard number: {credit_card_number}\nBilling address: {street_address}",
 ],
 "notes": [
  "{note} Seen by Dr. {person} on {date}.",
  "Referred by Dr. {person}. {note}",
  "{note} Husband {person} is the emergency contact: {phone_number}.",
  "{person}'s appointment moved to {date}. {note}",
  "Follow-up with {person} at {organization}. {note}",
  "Spoke with {person} ({title}). {note} {note}",
  "{note} Daughter {person} handles billing ({email}).",
  "Per {person}, the invoice goes to {street_address}. {note}",
  "{note} Sister-in-law {person} picks her up.",
  "Nurse {person} called {person}'s mother. {note}",
 ],
 "prose": [
  "{person} met {person} in {location} in {date} to discuss the merger of {organization} and {organization}.",
  "According to {person}, {title} at {organization}, the new plant near {location} will open in {date}.",
  "The {nationality} delegation led by {person} arrived in {location} on {date}.",
  "{organization} announced that {person} will step down. {filler}",
  "{filler} {person} said the office at {street_address} will close.",
 ],
}
# More document kinds and wordings (`generate(..., extended=True)`, `train.py --synth extended`), appended
# after the first lists so that the templates held out before stay held out (every fifth of each list
# is a test template). Each PII type appears under several wordings: a type seen in one or two
# templates is learned as those templates, not as the type. Not in the shipped model's recipe: the
# run that used it was measured and not shipped (see the card).
T_MORE = {
 "ticket": [
  "Refund of {num} EUR issued to the card ending in {credit_card_number} for {person}. {filler}",
  "Chargeback dispute: cardholder {person}, PAN {credit_card_number}, merchant {organization}, {date}.",
  "Agent note: caller verified with SSN {social_security_number} and date of birth {date}. {note}",
  "Account locked after 5 failed logins for {username} from {ip_address} on {date}. {filler}",
  "Escalation: {person} ({email}) asks us to delete all data held about her. Profile: {url}",
 ],
 "form": [
  "Payment method: Visa {credit_card_number}, exp. 0{num_small}/2{num_small}\nName on card: {person}",
  "Social Security No.: {social_security_number}\nName: {person}\nEmployer: {organization}",
  "Passport No: {passport_number}\nSurname, given names: {person}\nPlace of birth: {location}\nNationality: {nationality}",
  "Website: {url}\nContact person: {person}\nTelephone: {phone_number}",
  "Credit card: {credit_card_number}\nBilling name: {person}\nZIP: {num}",
 ],
 "social": [
  "Happy Friday everyone! Finally done with exams, Beach time",
  "Just landed in {location} and the weather is Amazing. Coffee first",
  "Can't believe {person} scored twice tonight!! Best Game Ever #football",
  "RT {username}: Big news from {organization} today. Read more at {url}",
  "Great Show last night, Thanks {person} for the tickets",
  "Watching Breaking News with Mom. Crazy Times",
  "Good Morning from {location}! Sunday Brunch with {person} and the kids",
  "New Blog Post: Ten Tips for Working From Home. Link in bio",
  "{person} you are a Legend. Happy Birthday bro",
  "Traffic on the Highway is Insane today, Avoid Exit 12",
  "Lunch at {organization} with {person}, Love this place",
  "Free Pizza Friday at the Office. Best Day",
 ],
 "legal": [
  "The appellant, {person}, of {street_address}, was represented by {person} of {organization}.",
  "Judgment of {date}. The applicant, {person}, a {nationality} national born in {date}, lives in {location}.",
  "Before the Court: Justice {person_last}. Counsel for the respondent: {person}.",
  "The witness, Mr {person_last}, stated that he had worked for {organization} since {date}.",
  "In the matter of {person} (deceased), late of {street_address}. Executor: {person}.",
  "The Court notes that the Defendant, {organization}, failed to comply with the Order of {date}.",
  "{person} v {organization}, heard at {location} on {date}. Held: appeal dismissed.",
  "The Claimant's daughter, {person}, gave evidence that her mother moved to {location} in {date}.",
  "Section 4 of the Act applies. The Tribunal found the Respondent's account credible.",
  "The Applicant was born on {date} and holds passport {passport_number}.",
 ],
 "business": [
  "Minutes of the meeting of {date}\nPresent: {person}, {person}, {person}\nApologies: {person}\n{filler}",
  "This Agreement is made on {date} between {organization} (the Supplier) and {person} (the Customer), of {street_address}.",
  "Purchase Order {num}\nVendor: {organization}\nShip to: {person}, {street_address}\nApproved by: {person}, {title}",
  "Quarterly Report: Revenue grew in {location}. Regional Manager {person} thanks the Sales Team. {filler}",
  "Action items: {person} to send the Draft Budget to Finance by {date}; {person} to book the Board Room.",
  "Wire instructions: beneficiary {organization}, IBAN {iban}, reference {num}. Contact {person} on {phone_number}.",
  "Expense Report submitted by {person} ({email}): Hotel, Taxi, Dinner with Client. Card used: {credit_card_number}.",
  "Org chart update: {person} now reports to {person}, Head of Operations, {organization}.",
  "Press Release - {location}, {date}: {organization} appoints {person} as {title}.",
  "Please Note: the Office will be Closed on Monday. Happy Holidays from the Management Team.",
 ],
 "prose": [
  "{person}, who heads {organization}, told reporters in {location} that talks would resume on {date}.",
  "Police said {person}, {age}, of {location}, was arrested on {date}.",
  "Born in {location}, {person} studied at {organization} before moving to {location}.",
  "The Prime Minister met {nationality} officials on Tuesday. Markets fell in Early Trading.",
  "Shares of {organization} rose after Chief Executive {person} said demand was strong.",
 ],
 "medical": [
  "Pt {person}, MRN {num}, seen in clinic {date}. Insurance card on file. {note}",
  "Prescriber: Dr. {person}, {organization}, {phone_number}. Patient SSN: {social_security_number}.",
  "Next of kin: {person} (son), {street_address}. {note}",
  "Allergies: Penicillin. Diagnosis: Type 2 Diabetes. Plan: Metformin, Follow-up in March.",
  "Nurse note {date}: {person} ({age}) tolerated the procedure well. {note}",
 ],
}

CSV_COLS = ["person", "email", "phone number", "street address", "date", "organization", "location", "age",
            "title", "iban", "nationality", "ip address", "username"]
CSV_COLS_MORE = ["credit card number", "social security number", "passport number", "url"]
CSV_HEAD = {"person": ["name", "full_name", "customer"], "email": ["email", "e-mail"], "phone number": ["phone", "tel"],
            "street address": ["address", "street"], "date": ["dob", "date", "signup_date"], "organization": ["company", "employer"],
            "location": ["city", "country"], "age": ["age"], "title": ["job_title", "role"], "iban": ["iban", "account"],
            "nationality": ["nationality"], "ip address": ["ip", "last_ip"], "username": ["user", "login"],
            "credit card number": ["card", "card_number", "cc"], "social security number": ["ssn", "social_security"],
            "passport number": ["passport", "passport_no"], "url": ["website", "profile_url"]}
NONPII_COLS = [("status", ["active", "closed", "pending"]), ("amount", None), ("plan", ["basic", "pro", "team"]),
               ("score", None), ("notes", ["n/a", "called back", "VIP", "paid late", "-"] + NOTE_FILLER),
               ("id", "id"), ("customer_id", "id"), ("ref", "id")]


def record_id(r):
    """Record keys that are not PII (and not ages): P-1001, C-20417, INV-2024-0042, #4471, 10233, a3f9c2e1."""
    x = r.random()
    up = string.ascii_uppercase
    if x < 0.35: return f"{r.choice(up)}{r.choice(['', r.choice(up)])}-{r.randint(100, 99999)}"
    if x < 0.5: return f"{r.choice(['INV', 'ORD', 'REF', 'TKT', 'ACC'])}-{r.randint(2015, 2026)}-{r.randint(1, 9999):04d}"
    if x < 0.6: return f"#{r.randint(10, 99999)}"
    if x < 0.85: return str(r.randint(1, 99999))
    return "".join(r.choice("0123456789abcdef") for _ in range(8))


BARE_TYPES = ["person", "person", "street address", "street address", "email", "phone number", "organization",
              "location", "date"]
BARE_TYPES_MORE = ["credit card number", "iban", "social security number"]


def render_bare(gen, types=BARE_TYPES):
    """One field value alone, as the engine sees a table cell: a PII value or a non-PII one."""
    r = gen.r
    d = Doc()
    if r.random() < 0.6:
        typ = r.choice(types)
        d.add(gen.make(typ), typ)
    else:
        x = r.random()
        d.add(record_id(r) if x < 0.5 else r.choice(NOTE_FILLER) if x < 0.85 else r.choice(["active", "pending", "VIP", "n/a", "Premium", "Gold", "Yes", "No"]))
    return d


def template_split(split, extended=False):
    out = []
    more = T_MORE if extended else {}
    # T's kinds in their order, then the kinds only T_MORE has: the order decides which template a seed draws
    for kind in [*T, *(k for k in more if k not in T)]:
        ts = T.get(kind, []) + more.get(kind, [])
        for i, t in enumerate(ts):
            held = (i % 5 == 4)
            if (split == "test") == held:
                out.append((kind, t))
    return out


class Doc:
    def __init__(self):
        self.text, self.ents = "", []

    def add(self, s, typ=None):
        if typ is not None:
            self.ents.append((len(self.text), len(self.text) + len(s), typ))
        self.text += s


def render(gen, tmpl):
    import re as _re
    d = Doc()
    pos = 0
    for m in _re.finditer(r"\{([a-z_]+)\}", tmpl):
        d.add(tmpl[pos:m.start()])
        slot = m.group(1)
        if slot == "filler":
            d.add(gen.r.choice(FILLER))
        elif slot == "note":
            d.add(gen.r.choice(NOTE_FILLER))
        elif slot == "num":
            d.add(str(gen.r.randint(1000, 999999)))
        elif slot == "num_small":
            d.add(str(gen.r.randint(1, 9)))
        elif slot == "person_last":
            d.add(gen.lastn(), "person")
        else:
            typ = slot.replace("_", " ")
            d.add(gen.make(typ), typ)
        pos = m.end()
    d.add(tmpl[pos:])
    return d


def render_csv(gen, columns=CSV_COLS):
    r = gen.r
    cols = r.sample(columns, r.randint(2, 6))
    extra = r.sample(NONPII_COLS, r.randint(0, 2))
    sep = r.choice([",", ";", "\t", " | "])
    header = [r.choice(CSV_HEAD[c]) for c in cols] + [e[0] for e in extra]
    order = list(range(len(header)))
    r.shuffle(order)
    d = Doc()
    if r.random() < 0.7:
        d.add(sep.join(header[i] for i in order) + "\n")
    for _ in range(r.randint(1, 4)):
        cells = []
        for i in order:
            if i < len(cols):
                cells.append((gen.make(cols[i]), cols[i]))
            else:
                name, vals = extra[i - len(cols)]
                v = record_id(r) if vals == "id" else r.choice(vals) if vals else str(r.randint(0, 5000))
                cells.append((v, None))
        for j, (s, typ) in enumerate(cells):
            if j:
                d.add(sep)
            d.add(s, typ)
        d.add("\n")
    return d


def to_example(d, source):
    words = split_words(d.text)
    spans = []
    for s, e, typ in d.ents:
        idx = [i for i, (_, ws, we) in enumerate(words) if ws >= s and we <= e]
        if idx and idx[-1] - idx[0] < MAX_WIDTH:
            spans.append((idx[0], idx[-1], typ))
    return {"src": source, "words": [w for w, _, _ in words], "spans": spans, "types": SYN_TYPES}


def generate(data_dir, split, n, seed, extended=False):
    lex = Lexicons(data_dir, split)
    rng = random.Random(seed)
    gen = Gen(lex, rng)
    tmpls = template_split(split, extended)
    bare = BARE_TYPES + (BARE_TYPES_MORE if extended else [])
    columns = CSV_COLS + (CSV_COLS_MORE if extended else [])
    out = []
    for _ in range(n):
        x = rng.random()
        if x < 0.05:
            d = render_bare(gen, bare)
        elif x < 0.18:
            d = render_csv(gen, columns)
        else:
            kind, t = rng.choice(tmpls)
            d = render(gen, t)
            if rng.random() < 0.25:  # glue two documents: longer contexts, more negatives
                d2 = render(gen, rng.choice(tmpls)[1])
                off = len(d.text) + 2
                d.text += "\n\n" + d2.text
                d.ents += [(s + off, e + off, t) for s, e, t in d2.ents]
        out.append(to_example(d, "synthetic" if split == "train" else "synthetic_test"))
    return out


if __name__ == "__main__":
    ex = generate(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "train", 5, 1)
    for e in ex:
        print(" ".join(e["words"])[:400]); print([(" ".join(e["words"][s:t+1]), l) for s, t, l in e["spans"]]); print()
