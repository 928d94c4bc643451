"""What Riverside Surgery, the demo practice, writes where a question takes words.

A pack or a screenshot that answers "What is the practice's main business?"
with "Kept in the IG folder" convinces nobody, so each question that takes
text or a document has its own plausible answer here, keyed by official ref.
These are demo data only: no question, rule or score reads them.
"""

from __future__ import annotations

DEMO_ANSWERS: dict[str, str] = {
    # DSPT 2025-26, GP profile
    "1.1.2": "Information asset register and record of processing, version 6, approved by the SIRO "
    "at the partners' meeting; kept in the IG folder on the shared drive.",
    "1.1.3": "Patient privacy notice on the practice website (Privacy page) and in reception; staff "
    "privacy notice in the staff handbook, section 2.",
    "1.1.5": "Agreed and minuted at the partners' meeting of 12 January; each role holder signed the "
    "role description.",
    "1.3.6": "1. Phishing emails: yearly training and NHSmail filtering. 2. Unsupported ECG PC: "
    "replacement ordered, kept off the internet until then. 3. Lost laptops: all encrypted.",
    "1.3.13": "Keypad doors to the back office and records room; visitors signed in and escorted; "
    "screens face away from the waiting room.",
    "1.4.3": "Paper sent in locked confidential waste bins, collected monthly with a destruction "
    "certificate; old PCs wiped by the ICB IT service, which certifies each disk.",
    "6.3.5": "No: one near miss (a letter to the wrong address caught before posting); nothing repeated.",
    "7.1.1": "Asset register of 18 computers, 6 phones, 2 printers and the router, with owners, "
    "operating systems and support end dates; updated each quarter by the practice manager.",
    "8.2.1": "The ECG PC in clinic room 2 runs Windows 7: it has no internet access, the supplier's "
    "replacement is ordered, and the risk is on the risk register, reviewed monthly.",
    "8.3.1": "ICB IT service patching statement (March): Windows and Office updates within 14 days, "
    "high severity alerts acted on within 48 hours, monthly report of missed devices.",
    # Cyber Essentials 3.3 (Danzell)
    "A1.3": "Not a company: the practice is a partnership.",
    "A1.5": "NHS general practice giving primary medical care to about 9,500 registered patients.",
    "A1.6": "https://www.riversidesurgery.example",
    "A1.6.1": "No other legal entities.",
    "A2.2": "The whole practice is in scope.",
    "A2.3": "The main surgery at 1 Mill Lane; there is no branch surgery.",
    "A2.4": "16 desktops with Windows 11 Enterprise 24H2; 2 laptops with Windows 11 Enterprise 24H2.",
    "A2.4.1": "No thin clients.",
    "A2.5": "No servers in the building; the clinical system is hosted by its supplier.",
    "A2.6": "6 iPhones with iOS 18, used for NHSmail and two-factor codes.",
    "A2.7": "The HSCN connection and the practice network; the patient Wi-Fi is separate and out of scope.",
    "A2.8": "HSCN router and firewall managed by the ICB IT service (Fortinet FortiGate 60F).",
    "A2.9": "NHSmail and Microsoft 365, the clinical system, online consultations, the phone system "
    "and the rota system.",
    "A2.10": "Sam Patel, practice manager, with the ICB IT service.",
    "A3.3": "practice.manager@nhs.net",
    "A4.2.1": "A random 20-character password made by the ICB IT service, kept in their password vault.",
    "A4.5": "The ICB IT service approves each rule through its change process and records why it is needed.",
    "A4.10": "The ICB IT service manages the firewall from its own office; only its addresses may connect.",
    "A6.2.1": "Microsoft Edge, kept up to date automatically (version 131).",
    "A6.2.2": "Microsoft Defender Antivirus, as part of Windows 11, updated daily.",
    "A6.2.3": "NHSmail in Microsoft Edge and Outlook from Microsoft 365 Apps.",
    "A6.2.4": "Microsoft 365 Apps for enterprise, current channel.",
    "A6.3.1": "None.",
    "A6.4.2": "The ICB IT service checks the monthly update report and installs any missed update within 14 days.",
    "A6.5.2": "The practice manager checks the asset register each month and updates anything missed.",
    "A7.15": "None: every cloud service we use offers multi-factor authentication.",
    # Good practice
    "GP11": "Paper records leave the building only in a locked bag, signed out in the records book.",
}
