import { defineStrings } from "./define";

export const accessibilityStrings = defineStrings({
  en: {
    "a11y.setting.largerText": "Larger text",
    "a11y.setting.highContrast": "High contrast",
    "a11y.setting.reducedMotion": "Reduce motion",
    "a11y.setting.monoVoices": "Voices in mono, not from their direction",
    "announce.zone": "You are now in {zone}.",
    "announce.plenary": "You are back in the plenary.",
    "announce.voteOpen": "A dot vote is open on {board}.",
    "announce.voteEnded": "The dot vote on {board} has ended.",
    "announce.handNext": "Your hand is next.",
    "a11y.link": "Accessibility statement",
    "a11y.heading": "Accessibility statement",
    "a11y.intro":
      "This statement covers Yhteistila on this server ({host}). The organisation that runs this server is responsible for it. The statement was prepared on {prepared} and last reviewed on {reviewed}.",
    "a11y.statusHeading": "How accessible the service is",
    "a11y.status":
      "The service partially meets the accessibility requirements (WCAG 2.1 level AA, as required by EN 301 549 and the Act on the Provision of Digital Services). The 2D screens are made to meet them and are checked as told below; the parts listed next do not meet them yet.",
    "a11y.gapsHeading": "What is not accessible, and the alternatives",
    "a11y.gap3d":
      "The 3D view itself: moving about, seeing where others stand and pointing at notes on the boards need sight and precise pointing. Alternative: the 2D view (in the top bar) shows every board, cluster, note and dot vote as lists with the same actions, and the side panel lists the people, zones, chat and raised hands.",
    "a11y.gapVr":
      "The VR view in a headset needs sight, hand or controller movement and turning, and has no screen reader. Alternative: join the same session in a browser and use the 2D view.",
    "a11y.gapVoice":
      "Spoken conversation has no captions or transcript, and voices are placed in the direction of the speaker. Alternative: the chat, which everyone in the session can read and write in.",
    "a11y.gapScreen":
      "Pictures and PDF files a facilitator shows on the presentation screen are shown as images: a screen reader cannot read their text. Ask the facilitator for the file itself or an accessible version.",
    "a11y.gapPicture":
      "The PNG picture of a board has no text alternative. Alternative: the Markdown, CSV and JSON exports contain the same notes as text.",
    "a11y.testedHeading": "How this was assessed",
    "a11y.tested":
      "Self-assessment by the makers of the service. Every 2D screen is checked automatically with axe-core in Finnish, Swedish and English at desktop and phone sizes, and a small workshop is run with the keyboard alone, each time the software is tested.",
    "a11y.feedbackHeading": "Feedback",
    "a11y.feedbackIntro":
      "Did you notice something we have missed, or can you not use a part of the service? Tell us with this form; you can also ask for content in another form. We answer within {days} days.",
    "a11y.contact": "You can also contact the operator of this service: {contact}",
    "a11y.form.message": "Your feedback",
    "a11y.form.messageHelp": "What did you try to do, and what went wrong? At most {max} characters.",
    "a11y.form.messageEmpty": "Write your feedback first.",
    "a11y.form.about": "Which page or part of the service (optional)",
    "a11y.form.contact": "How to reach you for the answer (optional)",
    "a11y.form.contactHelp": "An e-mail address or a phone number. Without it we cannot answer you.",
    "a11y.form.send": "Send feedback",
    "a11y.form.sending": "Sending…",
    "a11y.form.sent": "Thank you, your feedback has arrived (reference {id}). We answer within {days} days.",
    "a11y.form.sentNoContact":
      "Thank you, your feedback has arrived (reference {id}). You left no contact details, so we cannot answer you directly.",
    "a11y.enforcementHeading": "Supervisory authority",
    "a11y.enforcement":
      "If you are not satisfied with the answer, or you get no answer within two weeks, you can report it to the supervisory authority: the accessibility monitoring of the Finnish Transport and Communications Agency Traficom (until 2025, the Regional State Administrative Agency for Southern Finland). Its website saavutettavuusvaatimukset.fi tells how to make a report.",
  },
  fi: {
    "a11y.setting.largerText": "Suurempi teksti",
    "a11y.setting.highContrast": "Suuri kontrasti",
    "a11y.setting.reducedMotion": "Vähemmän liikettä",
    "a11y.setting.monoVoices": "Äänet monona, ei puhujan suunnasta",
    "announce.zone": "Olet nyt tilassa {zone}.",
    "announce.plenary": "Olet taas yhteisessä tilassa.",
    "announce.voteOpen": "Pisteäänestys on käynnissä taululla {board}.",
    "announce.voteEnded": "Pisteäänestys taululla {board} päättyi.",
    "announce.handNext": "Sinun kätesi on seuraavana vuorossa.",
    "a11y.link": "Saavutettavuusseloste",
    "a11y.heading": "Saavutettavuusseloste",
    "a11y.intro":
      "Tämä seloste koskee tämän palvelimen Yhteistilaa ({host}). Siitä vastaa organisaatio, joka ylläpitää tätä palvelinta. Seloste on laadittu {prepared}, ja se on tarkistettu viimeksi {reviewed}.",
    "a11y.statusHeading": "Palvelun saavutettavuuden tila",
    "a11y.status":
      "Palvelu täyttää saavutettavuusvaatimukset osittain (WCAG 2.1 -tason AA, kuten EN 301 549 ja laki digitaalisten palvelujen tarjoamisesta edellyttävät). 2D-näkymät on tehty täyttämään vaatimukset, ja ne tarkistetaan alla kerrotulla tavalla; seuraavaksi luetellut osat eivät vielä täytä niitä.",
    "a11y.gapsHeading": "Mikä ei ole saavutettavaa, ja vaihtoehdot",
    "a11y.gap3d":
      "Itse 3D-näkymä: liikkuminen, muiden sijainnin näkeminen ja taulujen lappujen osoittaminen vaativat näköä ja tarkkaa osoittamista. Vaihtoehto: 2D-näkymä (yläpalkissa) näyttää jokaisen taulun, ryhmän, lapun ja pisteäänestyksen luetteloina, joissa on samat toiminnot, ja sivupaneelissa ovat osallistujat, ryhmätilat, keskustelu ja viittaukset.",
    "a11y.gapVr":
      "VR-näkymä virtuaalilaseilla vaatii näköä, käsien tai ohjainten liikettä ja kääntymistä, eikä siinä ole ruudunlukijaa. Vaihtoehto: liity samaan tilaisuuteen selaimella ja käytä 2D-näkymää.",
    "a11y.gapVoice":
      "Puheelle ei ole tekstitystä eikä litterointia, ja äänet kuuluvat puhujan suunnasta. Vaihtoehto: keskustelu, jota jokainen tilaisuuden osallistuja voi lukea ja johon voi kirjoittaa.",
    "a11y.gapScreen":
      "Fasilitaattorin esitysnäytölle tuomat kuvat ja PDF-tiedostot näytetään kuvina: ruudunlukija ei lue niiden tekstiä. Pyydä fasilitaattorilta itse tiedosto tai saavutettava versio.",
    "a11y.gapPicture":
      "Taulun PNG-kuvalla ei ole tekstivastinetta. Vaihtoehto: Markdown-, CSV- ja JSON-viennit sisältävät samat laput tekstinä.",
    "a11y.testedHeading": "Miten saavutettavuus on arvioitu",
    "a11y.tested":
      "Palvelun tekijöiden oma arvio. Jokainen 2D-näkymä tarkistetaan automaattisesti axe-core-työkalulla suomeksi, ruotsiksi ja englanniksi sekä tietokoneen että puhelimen kokoisena, ja pieni työpaja käydään läpi pelkällä näppäimistöllä aina, kun ohjelmisto testataan.",
    "a11y.feedbackHeading": "Palaute",
    "a11y.feedbackIntro":
      "Huomasitko puutteen, tai etkö voi käyttää jotakin palvelun osaa? Kerro siitä tällä lomakkeella; voit myös pyytää sisältöä toisessa muodossa. Vastaamme {days} päivän kuluessa.",
    "a11y.contact": "Voit myös ottaa yhteyttä palvelun ylläpitäjään: {contact}",
    "a11y.form.message": "Palautteesi",
    "a11y.form.messageHelp": "Mitä yritit tehdä, ja mikä ei onnistunut? Enintään {max} merkkiä.",
    "a11y.form.messageEmpty": "Kirjoita ensin palautteesi.",
    "a11y.form.about": "Mitä sivua tai palvelun osaa palaute koskee (vapaaehtoinen)",
    "a11y.form.contact": "Miten tavoitamme sinut vastausta varten (vapaaehtoinen)",
    "a11y.form.contactHelp": "Sähköpostiosoite tai puhelinnumero. Ilman sitä emme voi vastata sinulle.",
    "a11y.form.send": "Lähetä palaute",
    "a11y.form.sending": "Lähetetään…",
    "a11y.form.sent": "Kiitos, palautteesi on vastaanotettu (tunniste {id}). Vastaamme {days} päivän kuluessa.",
    "a11y.form.sentNoContact":
      "Kiitos, palautteesi on vastaanotettu (tunniste {id}). Et jättänyt yhteystietoja, joten emme voi vastata sinulle suoraan.",
    "a11y.enforcementHeading": "Valvontaviranomainen",
    "a11y.enforcement":
      "Jos et ole tyytyväinen saamaasi vastaukseen tai et saa vastausta kahden viikon kuluessa, voit tehdä ilmoituksen valvontaviranomaiselle: Liikenne- ja viestintävirasto Traficomin saavutettavuusvalvonnalle (vuoden 2025 loppuun Etelä-Suomen aluehallintovirasto). Sen verkkosivuilla saavutettavuusvaatimukset.fi kerrotaan, miten ilmoituksen voi tehdä.",
  },
  sv: {
    "a11y.setting.largerText": "Större text",
    "a11y.setting.highContrast": "Hög kontrast",
    "a11y.setting.reducedMotion": "Minska rörelser",
    "a11y.setting.monoVoices": "Röster i mono, inte från sin riktning",
    "announce.zone": "Du är nu i {zone}.",
    "announce.plenary": "Du är tillbaka i plenum.",
    "announce.voteOpen": "En prickröstning pågår på {board}.",
    "announce.voteEnded": "Prickröstningen på {board} har avslutats.",
    "announce.handNext": "Din hand är näst på tur.",
    "a11y.link": "Tillgänglighetsutlåtande",
    "a11y.heading": "Tillgänglighetsutlåtande",
    "a11y.intro":
      "Det här utlåtandet gäller Yhteistila på den här servern ({host}). Den organisation som driver servern ansvarar för den. Utlåtandet har utarbetats {prepared} och granskades senast {reviewed}.",
    "a11y.statusHeading": "Tjänstens tillgänglighet",
    "a11y.status":
      "Tjänsten uppfyller delvis tillgänglighetskraven (WCAG 2.1 nivå AA, enligt EN 301 549 och lagen om tillhandahållande av digitala tjänster). 2D-vyerna är gjorda för att uppfylla kraven och kontrolleras så som beskrivs nedan; de delar som räknas upp härnäst uppfyller dem ännu inte.",
    "a11y.gapsHeading": "Vad som inte är tillgängligt, och alternativen",
    "a11y.gap3d":
      "Själva 3D-vyn: att röra sig, se var andra står och peka på lappar på tavlorna kräver syn och exakt pekande. Alternativ: 2D-vyn (i det övre fältet) visar varje tavla, grupp, lapp och poängomröstning som listor med samma funktioner, och sidopanelen listar deltagarna, grupprummen, chatten och uppräckta händer.",
    "a11y.gapVr":
      "VR-vyn i ett headset kräver syn, rörelser med händerna eller handkontrollerna och att man vänder sig, och den saknar skärmläsare. Alternativ: gå med i samma session i en webbläsare och använd 2D-vyn.",
    "a11y.gapVoice":
      "Tal har ingen textning eller transkription, och rösterna hörs från talarens riktning. Alternativ: chatten, som alla i sessionen kan läsa och skriva i.",
    "a11y.gapScreen":
      "Bilder och PDF-filer som en facilitator visar på presentationsskärmen visas som bilder: en skärmläsare kan inte läsa deras text. Be facilitatorn om själva filen eller en tillgänglig version.",
    "a11y.gapPicture":
      "PNG-bilden av en tavla har inget textalternativ. Alternativ: Markdown-, CSV- och JSON-exporten innehåller samma lappar som text.",
    "a11y.testedHeading": "Hur tillgängligheten har bedömts",
    "a11y.tested":
      "Egen bedömning av tjänstens utvecklare. Varje 2D-vy kontrolleras automatiskt med axe-core på finska, svenska och engelska i dator- och telefonstorlek, och en liten workshop genomförs med enbart tangentbordet, varje gång programvaran testas.",
    "a11y.feedbackHeading": "Respons",
    "a11y.feedbackIntro":
      "Har du märkt en brist, eller kan du inte använda någon del av tjänsten? Berätta det med det här formuläret; du kan också be om innehåll i en annan form. Vi svarar inom {days} dagar.",
    "a11y.contact": "Du kan också kontakta tjänstens administratör: {contact}",
    "a11y.form.message": "Din respons",
    "a11y.form.messageHelp": "Vad försökte du göra, och vad gick fel? Högst {max} tecken.",
    "a11y.form.messageEmpty": "Skriv din respons först.",
    "a11y.form.about": "Vilken sida eller del av tjänsten det gäller (frivilligt)",
    "a11y.form.contact": "Hur vi når dig för svaret (frivilligt)",
    "a11y.form.contactHelp": "En e-postadress eller ett telefonnummer. Utan det kan vi inte svara dig.",
    "a11y.form.send": "Skicka respons",
    "a11y.form.sending": "Skickar…",
    "a11y.form.sent": "Tack, din respons har kommit fram (referens {id}). Vi svarar inom {days} dagar.",
    "a11y.form.sentNoContact":
      "Tack, din respons har kommit fram (referens {id}). Du lämnade inga kontaktuppgifter, så vi kan inte svara dig direkt.",
    "a11y.enforcementHeading": "Tillsynsmyndighet",
    "a11y.enforcement":
      "Om du inte är nöjd med svaret, eller inte får något svar inom två veckor, kan du anmäla det till tillsynsmyndigheten: tillgänglighetstillsynen vid Transport- och kommunikationsverket Traficom (till och med 2025 Regionförvaltningsverket i Södra Finland). Dess webbplats saavutettavuusvaatimukset.fi berättar hur man gör en anmälan.",
  },
});
