import { defineStrings } from "./define";

export const methodsStrings = defineStrings({
  en: {
    "methods.step.alone": "Alone",
    "methods.step.pairs": "In pairs",
    "methods.step.fours": "In fours",
    "methods.step.all": "All together",

    "methods.grouping.everyone": "Everyone together",
    "methods.grouping.solo": "Alone",
    "methods.grouping.pairs": "Pairs",
    "methods.grouping.groupsOf": "Groups of {size}",
    "methods.grouping.groupCount": "{count} groups",
    "methods.grouping.tables": "Tables of {size}, host stays",
    "methods.grouping.previous": "Same groups as before",
    "methods.grouping.mergePairs": "Pairs merge into fours",

    "methods.board.pairNotes": "Our notes",
    "methods.board.allIdeas": "All ideas",
    "methods.board.boldIdeas": "Bold ideas",
    "methods.board.worstOutcomes": "Worst outcomes",
    "methods.board.weDoThis": "We already do this",
    "methods.board.firstSteps": "First steps",
    "methods.board.tablecloth": "Tablecloth",
    "methods.board.sheets": "Idea sheets",
    "methods.board.topics": "Topics",
    "methods.board.marketplace": "Marketplace",

    "methods.issue.tooLong": "The plan is longer than {hours} hours.",
    "methods.issue.duplicateStepId": "Two steps have the same identifier.",
    "methods.issue.needsEarlierGroups": "The first step cannot reuse or merge earlier groups.",
    "methods.issue.mergeNeedsPairs": "Merging into fours needs pairs in the step before.",
    "methods.issue.rotateNeedsTables": "Rotating tables needs an earlier step with tables.",
    "methods.issue.captureStepUnknown": "The board should come from an earlier step that has a board.",
    "methods.issue.voteNeedsBoard": "A vote needs a board to vote on.",
    "methods.issue.troikaNeedsTrios": "Troika Consulting needs groups of 3 or 4.",
    "methods.issue.troikaClient": "The client must be one of the {size} group members.",
    "methods.issue.glassOnlyAdvice": "One-way glass is only for the advice phase.",
    "methods.issue.needsGroups": "This step needs groups.",
    "methods.issue.passLongerThanStep": "Passing the sheets takes longer than the whole step.",
    "methods.issue.needsBoard": "This step needs a board.",
    "methods.issue.cardPassEveryone": "Cards are passed around the whole room, not in groups.",
    "methods.issue.topicLongerThanStep": "The time per topic is longer than the whole step.",
    "methods.issue.stageOutOfRange": "The stage number is larger than the number of stages.",
    "methods.issue.noSuchStep": "There is no such step in the plan.",
    "methods.issue.tooFewPeople": "This step needs at least {min} people present.",

    "methods.field.title": "title",
    "methods.field.prompt": "prompt",
    "methods.field.duration": "duration",
    "methods.field.grouping": "grouping",
    "methods.field.capture": "board",
    "methods.field.vote": "vote",
    "methods.field.mechanic": "method",
    "methods.field.steps": "steps",
    "methods.field.id": "identifier",

    "methods.file.step": "Step {n}",
    "methods.file.tooSmall": "too small or too short (at least {min})",
    "methods.file.tooBig": "too large or too long (at most {max})",
    "methods.file.missing": "missing",
    "methods.file.wrongType": "wrong kind of value",
    "methods.file.unknownField": "unknown field {names}",
    "methods.file.invalid": "not a valid value",
    "methods.file.tooLarge": "The file is larger than {kb} KB, too large for a plan.",
    "methods.file.notJson": "The file is not JSON. Export a plan from Yhteistila and import that file.",
    "methods.file.notPlan": "The file is JSON but not a Yhteistila session plan.",
    "methods.file.version": "The plan file is of version {version}, which this version of Yhteistila cannot read.",

    "methods.tpl.oneTwoFourAll.name": "1-2-4-All",
    "methods.tpl.oneTwoFourAll.summary":
      "Everyone thinks alone, then in pairs, then in fours, then all together: every voice is heard and the best ideas rise.",
    "methods.tpl.oneTwoFourAll.prompt": "What opportunities do you see to make progress on this challenge?",

    "methods.tpl.crowdSourcing.name": "25/10 Crowd Sourcing",
    "methods.tpl.crowdSourcing.summary":
      "Everyone writes one bold idea; cards are passed anonymously for five rounds and scored 1-5; the top ten are revealed.",
    "methods.tpl.crowdSourcing.write.title": "Write a bold idea",
    "methods.tpl.crowdSourcing.write.prompt":
      "If you were ten times bolder, what big idea would you recommend? What is the first step to get it going?",
    "methods.tpl.crowdSourcing.pass.title": "Pass and score",
    "methods.tpl.crowdSourcing.pass.prompt":
      "Pass the cards on without reading them. Score the card you hold from 1 to 5. Five rounds.",
    "methods.tpl.crowdSourcing.reveal.title": "Top ten",
    "methods.tpl.crowdSourcing.reveal.prompt": "Look at the top ten ideas. Which of them do we take forward, and who?",

    "methods.tpl.triz.name": "TRIZ",
    "methods.tpl.triz.summary":
      "Three 1-2-4-All cycles: how to get the worst result, which of it we already do, and what first step stops it.",
    "methods.tpl.triz.worst.prompt": "Make a list of everything you could do to achieve the worst possible result.",
    "methods.tpl.triz.already.prompt":
      "Go through the list: is there anything we are already doing, in some way? Mark it 'we do this'.",
    "methods.tpl.triz.stop.prompt": "What is the first step that helps us stop it? Name an owner for each action.",

    "methods.tpl.troika.name": "Troika Consulting",
    "methods.tpl.troika.summary":
      "In trios, each person in turn gets advice from two others. During the advice the client listens behind one-way glass.",
    "methods.tpl.troika.explain.title": "Client {n}: explain",
    "methods.tpl.troika.explain.prompt": "The client explains their challenge and what help they need.",
    "methods.tpl.troika.ask.title": "Client {n}: questions",
    "methods.tpl.troika.ask.prompt": "The consultants ask clarifying questions.",
    "methods.tpl.troika.advise.title": "Client {n}: advice",
    "methods.tpl.troika.advise.prompt":
      "The client listens without being heard or seen; the consultants discuss the challenge and give advice.",
    "methods.tpl.troika.reflect.title": "Client {n}: reflect",
    "methods.tpl.troika.reflect.prompt": "The client tells what was useful. Then the next person is the client.",

    "methods.tpl.whatSoWhat.name": "What / So What / Now What",
    "methods.tpl.whatSoWhat.summary":
      "Groups of 5-7 make sense of a shared experience in three stages: facts, meaning and next steps.",
    "methods.tpl.whatSoWhat.what.title": "What?",
    "methods.tpl.whatSoWhat.what.prompt": "What happened? What did you notice? Facts only.",
    "methods.tpl.whatSoWhat.soWhat.title": "So what?",
    "methods.tpl.whatSoWhat.soWhat.prompt": "Why does it matter? What patterns or conclusions do you see?",
    "methods.tpl.whatSoWhat.nowWhat.title": "Now what?",
    "methods.tpl.whatSoWhat.nowWhat.prompt": "What actions make sense? What will we do next?",

    "methods.tpl.worldCafe.name": "World Café",
    "methods.tpl.worldCafe.summary":
      "Conversations at tables of 4-6 over several rounds. Hosts stay, others move on to meet new people; each table keeps its tablecloth.",
    "methods.tpl.worldCafe.round.title": "Round {n}",
    "methods.tpl.worldCafe.first.prompt":
      "Discuss the question at your table and write your thoughts on the tablecloth.",
    "methods.tpl.worldCafe.next.prompt":
      "The host tells the newcomers what the table discussed; continue and build on the tablecloth.",
    "methods.tpl.worldCafe.harvest.title": "Harvest",
    "methods.tpl.worldCafe.harvest.prompt": "Look at all the tablecloths together. What patterns and insights emerge?",

    "methods.tpl.brainwriting.name": "Brainwriting 6-3-5",
    "methods.tpl.brainwriting.summary":
      "Six people write three ideas in five minutes and pass the sheet on, in silence; then cluster and vote.",
    "methods.tpl.brainwriting.write.title": "Write and pass",
    "methods.tpl.brainwriting.write.prompt":
      "Write three ideas on your row, building on the rows above. When the time is up, the sheet moves on.",
    "methods.tpl.brainwriting.cluster.title": "Cluster",
    "methods.tpl.brainwriting.cluster.prompt": "Group similar ideas together and name the groups.",
    "methods.tpl.brainwriting.vote.title": "Vote",
    "methods.tpl.brainwriting.vote.prompt": "Give your dots to the ideas you would take forward.",

    "methods.tpl.leanCoffee.name": "Lean Coffee",
    "methods.tpl.leanCoffee.summary":
      "The group sets its own agenda: topics are proposed, voted on and discussed in order, a few minutes each.",
    "methods.tpl.leanCoffee.topics.title": "Propose topics",
    "methods.tpl.leanCoffee.topics.prompt":
      "Write the topics you want to discuss, one per note, and pitch them briefly.",
    "methods.tpl.leanCoffee.vote.title": "Vote on topics",
    "methods.tpl.leanCoffee.vote.prompt": "Put your dots on the topics you most want to discuss.",
    "methods.tpl.leanCoffee.discuss.title": "Discuss",
    "methods.tpl.leanCoffee.discuss.prompt":
      "Discuss the topics in order of votes. When a topic's time is up, vote with your thumb whether to continue.",

    "methods.tpl.openSpace.name": "Open Space",
    "methods.tpl.openSpace.summary":
      "Participants set the agenda: topics go onto a time and place grid, everyone moves freely, and notes are harvested at the close.",
    "methods.tpl.openSpace.opening.title": "Opening circle",
    "methods.tpl.openSpace.opening.prompt":
      "The theme and the principles: whoever comes are the right people, and if you are not learning or contributing, move on.",
    "methods.tpl.openSpace.market.title": "Marketplace",
    "methods.tpl.openSpace.market.prompt":
      "Post a topic you care about onto a time and a place on the grid. Each session names a note-taker.",
    "methods.tpl.openSpace.slot.title": "Sessions, round {n}",
    "methods.tpl.openSpace.slot.prompt":
      "Go to the session you want. Move freely if you are not learning or contributing.",
    "methods.tpl.openSpace.closing.title": "Closing circle",
    "methods.tpl.openSpace.closing.prompt": "Look at the notes from every session. What will you take with you?",
  },
  fi: {
    "methods.step.alone": "Yksin",
    "methods.step.pairs": "Pareittain",
    "methods.step.fours": "Neljän ryhmissä",
    "methods.step.all": "Kaikki yhdessä",

    "methods.grouping.everyone": "Kaikki yhdessä",
    "methods.grouping.solo": "Yksin",
    "methods.grouping.pairs": "Parit",
    "methods.grouping.groupsOf": "{size} hengen ryhmät",
    "methods.grouping.groupCount": "{count} ryhmää",
    "methods.grouping.tables": "{size} hengen pöydät, isäntä pysyy",
    "methods.grouping.previous": "Samat ryhmät kuin edellä",
    "methods.grouping.mergePairs": "Parit yhdistyvät nelikoiksi",

    "methods.board.pairNotes": "Muistiinpanomme",
    "methods.board.allIdeas": "Kaikki ideat",
    "methods.board.boldIdeas": "Rohkeat ideat",
    "methods.board.worstOutcomes": "Pahimmat lopputulokset",
    "methods.board.weDoThis": "Teemme tätä jo",
    "methods.board.firstSteps": "Ensimmäiset askeleet",
    "methods.board.tablecloth": "Pöytäliina",
    "methods.board.sheets": "Ideapaperit",
    "methods.board.topics": "Aiheet",
    "methods.board.marketplace": "Tori",

    "methods.issue.tooLong": "Suunnitelma on pidempi kuin {hours} tuntia.",
    "methods.issue.duplicateStepId": "Kahdella vaiheella on sama tunniste.",
    "methods.issue.needsEarlierGroups": "Ensimmäinen vaihe ei voi käyttää tai yhdistää aiempia ryhmiä.",
    "methods.issue.mergeNeedsPairs": "Nelikoiksi yhdistäminen edellyttää pareja edellisessä vaiheessa.",
    "methods.issue.rotateNeedsTables": "Pöytien kierto edellyttää aiempaa vaihetta, jossa on pöydät.",
    "methods.issue.captureStepUnknown": "Taulun pitää tulla aiemmasta vaiheesta, jossa on taulu.",
    "methods.issue.voteNeedsBoard": "Äänestys tarvitsee taulun, jolla äänestetään.",
    "methods.issue.troikaNeedsTrios": "Troikka-konsultointi tarvitsee 3 tai 4 hengen ryhmät.",
    "methods.issue.troikaClient": "Asiakkaan pitää olla yksi ryhmän {size} jäsenestä.",
    "methods.issue.glassOnlyAdvice": "Yksisuuntainen lasi on vain neuvontavaihetta varten.",
    "methods.issue.needsGroups": "Tämä vaihe tarvitsee ryhmät.",
    "methods.issue.passLongerThanStep": "Paperien kierto kestää kauemmin kuin koko vaihe.",
    "methods.issue.needsBoard": "Tämä vaihe tarvitsee taulun.",
    "methods.issue.cardPassEveryone": "Kortit kiertävät koko huoneessa, eivät ryhmissä.",
    "methods.issue.topicLongerThanStep": "Aihekohtainen aika on pidempi kuin koko vaihe.",
    "methods.issue.stageOutOfRange": "Vaiheen numero on suurempi kuin vaiheiden määrä.",
    "methods.issue.noSuchStep": "Suunnitelmassa ei ole tällaista vaihetta.",
    "methods.issue.tooFewPeople": "Tämä vaihe tarvitsee vähintään {min} paikalla olevaa.",

    "methods.field.title": "otsikko",
    "methods.field.prompt": "tehtävänanto",
    "methods.field.duration": "kesto",
    "methods.field.grouping": "ryhmittely",
    "methods.field.capture": "taulu",
    "methods.field.vote": "äänestys",
    "methods.field.mechanic": "menetelmä",
    "methods.field.steps": "vaiheet",
    "methods.field.id": "tunniste",

    "methods.file.step": "Vaihe {n}",
    "methods.file.tooSmall": "liian pieni tai lyhyt (vähintään {min})",
    "methods.file.tooBig": "liian suuri tai pitkä (enintään {max})",
    "methods.file.missing": "puuttuu",
    "methods.file.wrongType": "väärän tyyppinen arvo",
    "methods.file.unknownField": "tuntematon kenttä {names}",
    "methods.file.invalid": "ei kelvollinen arvo",
    "methods.file.tooLarge": "Tiedosto on yli {kb} kt, liian suuri suunnitelmaksi.",
    "methods.file.notJson": "Tiedosto ei ole JSON-muotoinen. Vie suunnitelma Yhteistilasta ja tuo se tiedosto.",
    "methods.file.notPlan": "Tiedosto on JSON-muotoinen mutta ei Yhteistilan tilaisuussuunnitelma.",
    "methods.file.version": "Suunnitelmatiedosto on versiota {version}, jota tämä Yhteistilan versio ei osaa lukea.",

    "methods.tpl.oneTwoFourAll.name": "1-2-4-kaikki",
    "methods.tpl.oneTwoFourAll.summary":
      "Jokainen pohtii ensin yksin, sitten parin kanssa, sitten neljän ryhmässä ja lopuksi kaikki yhdessä: jokainen ääni kuuluu ja parhaat ideat nousevat esiin.",
    "methods.tpl.oneTwoFourAll.prompt": "Millaisia mahdollisuuksia näet edistyä tässä haasteessa?",

    "methods.tpl.crowdSourcing.name": "25/10-joukkoideointi",
    "methods.tpl.crowdSourcing.summary":
      "Jokainen kirjoittaa yhden rohkean idean; kortit kiertävät nimettöminä viisi kierrosta ja saavat pisteet 1–5; kymmenen parasta paljastetaan.",
    "methods.tpl.crowdSourcing.write.title": "Kirjoita rohkea idea",
    "methods.tpl.crowdSourcing.write.prompt":
      "Jos olisit kymmenen kertaa rohkeampi, minkä ison idean ehdottaisit? Mikä on ensimmäinen askel sen alkuun saamiseksi?",
    "methods.tpl.crowdSourcing.pass.title": "Kierrätä ja pisteytä",
    "methods.tpl.crowdSourcing.pass.prompt":
      "Anna kortit eteenpäin lukematta niitä. Pisteytä kädessäsi oleva kortti 1–5. Viisi kierrosta.",
    "methods.tpl.crowdSourcing.reveal.title": "Kymmenen parasta",
    "methods.tpl.crowdSourcing.reveal.prompt":
      "Katsokaa kymmentä parasta ideaa. Mitä niistä viemme eteenpäin, ja kuka vie?",

    "methods.tpl.triz.name": "TRIZ",
    "methods.tpl.triz.summary":
      "Kolme 1-2-4-kaikki-kierrosta: miten saisimme aikaan pahimman tuloksen, mitä siitä teemme jo ja mikä ensimmäinen askel lopettaa sen.",
    "methods.tpl.triz.worst.prompt":
      "Listatkaa kaikki, mitä voisimme tehdä saadaksemme aikaan pahimman mahdollisen tuloksen.",
    "methods.tpl.triz.already.prompt":
      "Käykää lista läpi: teemmekö jotain näistä jo jollain tavalla? Merkitkää se: teemme tätä jo.",
    "methods.tpl.triz.stop.prompt":
      "Mikä on ensimmäinen askel, joka auttaa meitä lopettamaan sen? Nimetkää jokaiselle toimenpiteelle vastuuhenkilö.",

    "methods.tpl.troika.name": "Troikka-konsultointi",
    "methods.tpl.troika.summary":
      "Kolmen hengen ryhmissä jokainen saa vuorollaan neuvoja kahdelta muulta. Neuvojen ajan asiakas kuuntelee yksisuuntaisen lasin takana.",
    "methods.tpl.troika.explain.title": "Asiakas {n}: kerro",
    "methods.tpl.troika.explain.prompt": "Asiakas kertoo haasteestaan ja siitä, millaista apua hän tarvitsee.",
    "methods.tpl.troika.ask.title": "Asiakas {n}: kysymykset",
    "methods.tpl.troika.ask.prompt": "Konsultit esittävät tarkentavia kysymyksiä.",
    "methods.tpl.troika.advise.title": "Asiakas {n}: neuvot",
    "methods.tpl.troika.advise.prompt":
      "Asiakas kuuntelee niin, ettei häntä kuulla eikä nähdä; konsultit keskustelevat haasteesta ja antavat neuvoja.",
    "methods.tpl.troika.reflect.title": "Asiakas {n}: pohdi",
    "methods.tpl.troika.reflect.prompt": "Asiakas kertoo, mikä oli hyödyllistä. Sitten on seuraavan asiakkaan vuoro.",

    "methods.tpl.whatSoWhat.name": "Mitä? Entä sitten? Mitä nyt?",
    "methods.tpl.whatSoWhat.summary":
      "5–7 hengen ryhmät jäsentävät yhteistä kokemusta kolmessa vaiheessa: tosiasiat, merkitys ja seuraavat askeleet.",
    "methods.tpl.whatSoWhat.what.title": "Mitä?",
    "methods.tpl.whatSoWhat.what.prompt": "Mitä tapahtui? Mitä huomasit? Vain tosiasioita.",
    "methods.tpl.whatSoWhat.soWhat.title": "Entä sitten?",
    "methods.tpl.whatSoWhat.soWhat.prompt":
      "Miksi sillä on merkitystä? Mitä säännönmukaisuuksia tai johtopäätöksiä näette?",
    "methods.tpl.whatSoWhat.nowWhat.title": "Mitä nyt?",
    "methods.tpl.whatSoWhat.nowWhat.prompt": "Mitkä toimet ovat järkeviä? Mitä teemme seuraavaksi?",

    "methods.tpl.worldCafe.name": "Maailmankahvila",
    "methods.tpl.worldCafe.summary":
      "Keskusteluja 4–6 hengen pöydissä useana kierroksena. Isännät pysyvät, muut siirtyvät tapaamaan uusia ihmisiä; jokainen pöytä säilyttää pöytäliinansa.",
    "methods.tpl.worldCafe.round.title": "Kierros {n}",
    "methods.tpl.worldCafe.first.prompt":
      "Keskustelkaa pöydässänne kysymyksestä ja kirjoittakaa ajatuksenne pöytäliinaan.",
    "methods.tpl.worldCafe.next.prompt":
      "Isäntä kertoo uusille tulijoille, mistä pöydässä keskusteltiin; jatkakaa ja rakentakaa pöytäliinan päälle.",
    "methods.tpl.worldCafe.harvest.title": "Sadonkorjuu",
    "methods.tpl.worldCafe.harvest.prompt":
      "Katsokaa kaikkia pöytäliinoja yhdessä. Millaisia yhteisiä teemoja ja oivalluksia nousee esiin?",

    "methods.tpl.brainwriting.name": "Aivokirjoitus 6-3-5",
    "methods.tpl.brainwriting.summary":
      "Kuusi ihmistä kirjoittaa kolme ideaa viidessä minuutissa ja antaa paperin eteenpäin hiljaisuudessa; sitten ryhmitellään ja äänestetään.",
    "methods.tpl.brainwriting.write.title": "Kirjoita ja anna eteenpäin",
    "methods.tpl.brainwriting.write.prompt":
      "Kirjoita riville kolme ideaa ja rakenna yllä olevien rivien päälle. Kun aika loppuu, paperi siirtyy eteenpäin.",
    "methods.tpl.brainwriting.cluster.title": "Ryhmittele",
    "methods.tpl.brainwriting.cluster.prompt": "Kootkaa samankaltaiset ideat yhteen ja nimetkää ryhmät.",
    "methods.tpl.brainwriting.vote.title": "Äänestä",
    "methods.tpl.brainwriting.vote.prompt": "Anna pisteesi ideoille, joita veisit eteenpäin.",

    "methods.tpl.leanCoffee.name": "Lean Coffee",
    "methods.tpl.leanCoffee.summary":
      "Ryhmä laatii itse asialistansa: aiheita ehdotetaan, niistä äänestetään ja ne käsitellään järjestyksessä muutama minuutti kerrallaan.",
    "methods.tpl.leanCoffee.topics.title": "Ehdota aiheita",
    "methods.tpl.leanCoffee.topics.prompt":
      "Kirjoita aiheet, joista haluat keskustella, yksi lappua kohden, ja esittele ne lyhyesti.",
    "methods.tpl.leanCoffee.vote.title": "Äänestä aiheista",
    "methods.tpl.leanCoffee.vote.prompt": "Laita pisteesi aiheille, joista haluat eniten keskustella.",
    "methods.tpl.leanCoffee.discuss.title": "Keskustele",
    "methods.tpl.leanCoffee.discuss.prompt":
      "Käsitelkää aiheet äänimäärän mukaisessa järjestyksessä. Kun aiheen aika loppuu, äänestäkää peukalolla, jatketaanko.",

    "methods.tpl.openSpace.name": "Open Space",
    "methods.tpl.openSpace.summary":
      "Osallistujat laativat ohjelman: aiheet sijoitetaan ajan ja paikan ruudukkoon, kaikki liikkuvat vapaasti ja muistiinpanot kootaan lopuksi.",
    "methods.tpl.openSpace.opening.title": "Avauspiiri",
    "methods.tpl.openSpace.opening.prompt":
      "Teema ja periaatteet: paikalle tulleet ovat oikeat ihmiset, ja jos et opi etkä anna mitään, siirry muualle.",
    "methods.tpl.openSpace.market.title": "Tori",
    "methods.tpl.openSpace.market.prompt":
      "Vie sinulle tärkeä aihe ruudukkoon johonkin aikaan ja paikkaan. Jokainen sessio nimeää kirjurin.",
    "methods.tpl.openSpace.slot.title": "Sessiot, kierros {n}",
    "methods.tpl.openSpace.slot.prompt": "Mene haluamaasi sessioon. Siirry vapaasti, jos et opi etkä anna mitään.",
    "methods.tpl.openSpace.closing.title": "Päätöspiiri",
    "methods.tpl.openSpace.closing.prompt": "Katsokaa kaikkien sessioiden muistiinpanoja. Mitä otat mukaasi?",
  },
  sv: {
    "methods.step.alone": "Ensam",
    "methods.step.pairs": "Parvis",
    "methods.step.fours": "I fyrgrupper",
    "methods.step.all": "Alla tillsammans",

    "methods.grouping.everyone": "Alla tillsammans",
    "methods.grouping.solo": "Ensam",
    "methods.grouping.pairs": "Par",
    "methods.grouping.groupsOf": "Grupper om {size}",
    "methods.grouping.groupCount": "{count} grupper",
    "methods.grouping.tables": "Bord om {size}, värden stannar",
    "methods.grouping.previous": "Samma grupper som förut",
    "methods.grouping.mergePairs": "Paren slås ihop till fyrgrupper",

    "methods.board.pairNotes": "Våra anteckningar",
    "methods.board.allIdeas": "Alla idéer",
    "methods.board.boldIdeas": "Djärva idéer",
    "methods.board.worstOutcomes": "Värsta utfallen",
    "methods.board.weDoThis": "Det här gör vi redan",
    "methods.board.firstSteps": "Första stegen",
    "methods.board.tablecloth": "Bordsduk",
    "methods.board.sheets": "Idéblad",
    "methods.board.topics": "Ämnen",
    "methods.board.marketplace": "Marknadsplats",

    "methods.issue.tooLong": "Planen är längre än {hours} timmar.",
    "methods.issue.duplicateStepId": "Två steg har samma identifierare.",
    "methods.issue.needsEarlierGroups": "Det första steget kan inte återanvända eller slå ihop tidigare grupper.",
    "methods.issue.mergeNeedsPairs": "Att slå ihop till fyrgrupper kräver par i steget före.",
    "methods.issue.rotateNeedsTables": "Att rotera borden kräver ett tidigare steg med bord.",
    "methods.issue.captureStepUnknown": "Tavlan ska komma från ett tidigare steg som har en tavla.",
    "methods.issue.voteNeedsBoard": "En omröstning behöver en tavla att rösta på.",
    "methods.issue.troikaNeedsTrios": "Trojkakonsultation kräver grupper om 3 eller 4.",
    "methods.issue.troikaClient": "Klienten måste vara en av gruppens {size} medlemmar.",
    "methods.issue.glassOnlyAdvice": "Envägsglas används bara i rådgivningsfasen.",
    "methods.issue.needsGroups": "Det här steget kräver grupper.",
    "methods.issue.passLongerThanStep": "Att skicka bladen vidare tar längre tid än hela steget.",
    "methods.issue.needsBoard": "Det här steget kräver en tavla.",
    "methods.issue.cardPassEveryone": "Korten skickas runt i hela rummet, inte i grupper.",
    "methods.issue.topicLongerThanStep": "Tiden per ämne är längre än hela steget.",
    "methods.issue.stageOutOfRange": "Etappens nummer är större än antalet etapper.",
    "methods.issue.noSuchStep": "Planen har inget sådant steg.",
    "methods.issue.tooFewPeople": "Det här steget kräver minst {min} närvarande.",

    "methods.field.title": "rubrik",
    "methods.field.prompt": "uppgift",
    "methods.field.duration": "längd",
    "methods.field.grouping": "gruppindelning",
    "methods.field.capture": "tavla",
    "methods.field.vote": "omröstning",
    "methods.field.mechanic": "metod",
    "methods.field.steps": "steg",
    "methods.field.id": "identifierare",

    "methods.file.step": "Steg {n}",
    "methods.file.tooSmall": "för litet eller för kort (minst {min})",
    "methods.file.tooBig": "för stort eller för långt (högst {max})",
    "methods.file.missing": "saknas",
    "methods.file.wrongType": "fel slags värde",
    "methods.file.unknownField": "okänt fält {names}",
    "methods.file.invalid": "inte ett giltigt värde",
    "methods.file.tooLarge": "Filen är större än {kb} kB, för stor för en plan.",
    "methods.file.notJson": "Filen är inte JSON. Exportera en plan från Yhteistila och importera den filen.",
    "methods.file.notPlan": "Filen är JSON men inte en sessionsplan från Yhteistila.",
    "methods.file.version": "Planfilen har version {version}, som den här versionen av Yhteistila inte kan läsa.",

    "methods.tpl.oneTwoFourAll.name": "1-2-4-alla",
    "methods.tpl.oneTwoFourAll.summary":
      "Alla tänker först ensamma, sedan i par, sedan i fyrgrupper och till sist alla tillsammans: varje röst hörs och de bästa idéerna lyfts fram.",
    "methods.tpl.oneTwoFourAll.prompt": "Vilka möjligheter ser du att komma framåt med den här utmaningen?",

    "methods.tpl.crowdSourcing.name": "25/10 Crowd Sourcing",
    "methods.tpl.crowdSourcing.summary":
      "Alla skriver en djärv idé; korten skickas anonymt runt i fem omgångar och får poäng 1–5; de tio bästa avslöjas.",
    "methods.tpl.crowdSourcing.write.title": "Skriv en djärv idé",
    "methods.tpl.crowdSourcing.write.prompt":
      "Om du vore tio gånger djärvare, vilken stor idé skulle du föreslå? Vad är första steget för att komma i gång?",
    "methods.tpl.crowdSourcing.pass.title": "Skicka vidare och poängsätt",
    "methods.tpl.crowdSourcing.pass.prompt":
      "Skicka korten vidare utan att läsa dem. Ge kortet du håller 1–5 poäng. Fem omgångar.",
    "methods.tpl.crowdSourcing.reveal.title": "De tio bästa",
    "methods.tpl.crowdSourcing.reveal.prompt": "Titta på de tio bästa idéerna. Vilka tar vi vidare, och vem gör det?",

    "methods.tpl.triz.name": "TRIZ",
    "methods.tpl.triz.summary":
      "Tre omgångar 1-2-4-alla: hur vi får det sämsta resultatet, vad av det vi redan gör och vilket första steg som stoppar det.",
    "methods.tpl.triz.worst.prompt": "Gör en lista över allt ni kunde göra för att få det sämsta möjliga resultatet.",
    "methods.tpl.triz.already.prompt":
      "Gå igenom listan: gör vi redan något av detta på något sätt? Märk det: det här gör vi redan.",
    "methods.tpl.triz.stop.prompt":
      "Vilket är det första steget som hjälper oss att sluta? Utse en ansvarig för varje åtgärd.",

    "methods.tpl.troika.name": "Trojkakonsultation",
    "methods.tpl.troika.summary":
      "I grupper om tre får var och en i tur och ordning råd av de två andra. Under rådgivningen lyssnar klienten bakom envägsglas.",
    "methods.tpl.troika.explain.title": "Klient {n}: berätta",
    "methods.tpl.troika.explain.prompt": "Klienten berättar om sin utmaning och vilken hjälp hen behöver.",
    "methods.tpl.troika.ask.title": "Klient {n}: frågor",
    "methods.tpl.troika.ask.prompt": "Konsulterna ställer klargörande frågor.",
    "methods.tpl.troika.advise.title": "Klient {n}: råd",
    "methods.tpl.troika.advise.prompt":
      "Klienten lyssnar utan att höras eller synas; konsulterna diskuterar utmaningen och ger råd.",
    "methods.tpl.troika.reflect.title": "Klient {n}: reflektera",
    "methods.tpl.troika.reflect.prompt": "Klienten berättar vad som var till nytta. Sedan är det nästa persons tur.",

    "methods.tpl.whatSoWhat.name": "Vad? Än sen? Vad nu?",
    "methods.tpl.whatSoWhat.summary":
      "Grupper om 5–7 bearbetar en gemensam upplevelse i tre etapper: fakta, innebörd och nästa steg.",
    "methods.tpl.whatSoWhat.what.title": "Vad?",
    "methods.tpl.whatSoWhat.what.prompt": "Vad hände? Vad lade du märke till? Bara fakta.",
    "methods.tpl.whatSoWhat.soWhat.title": "Än sen?",
    "methods.tpl.whatSoWhat.soWhat.prompt": "Varför spelar det roll? Vilka mönster eller slutsatser ser ni?",
    "methods.tpl.whatSoWhat.nowWhat.title": "Vad nu?",
    "methods.tpl.whatSoWhat.nowWhat.prompt": "Vilka åtgärder är vettiga? Vad gör vi härnäst?",

    "methods.tpl.worldCafe.name": "World Café",
    "methods.tpl.worldCafe.summary":
      "Samtal vid bord om 4–6 under flera omgångar. Värdarna stannar, de andra går vidare för att träffa nya människor; varje bord behåller sin bordsduk.",
    "methods.tpl.worldCafe.round.title": "Omgång {n}",
    "methods.tpl.worldCafe.first.prompt": "Diskutera frågan vid ert bord och skriv era tankar på bordsduken.",
    "methods.tpl.worldCafe.next.prompt":
      "Värden berättar för de nya vad bordet diskuterade; fortsätt och bygg vidare på bordsduken.",
    "methods.tpl.worldCafe.harvest.title": "Skörd",
    "methods.tpl.worldCafe.harvest.prompt":
      "Titta på alla bordsdukar tillsammans. Vilka mönster och insikter träder fram?",

    "methods.tpl.brainwriting.name": "Brainwriting 6-3-5",
    "methods.tpl.brainwriting.summary":
      "Sex personer skriver tre idéer på fem minuter och skickar bladet vidare under tystnad; sedan grupperar och röstar man.",
    "methods.tpl.brainwriting.write.title": "Skriv och skicka vidare",
    "methods.tpl.brainwriting.write.prompt":
      "Skriv tre idéer på din rad och bygg vidare på raderna ovanför. När tiden är ute går bladet vidare.",
    "methods.tpl.brainwriting.cluster.title": "Gruppera",
    "methods.tpl.brainwriting.cluster.prompt": "Samla liknande idéer och ge grupperna namn.",
    "methods.tpl.brainwriting.vote.title": "Rösta",
    "methods.tpl.brainwriting.vote.prompt": "Ge dina prickar till de idéer du vill ta vidare.",

    "methods.tpl.leanCoffee.name": "Lean Coffee",
    "methods.tpl.leanCoffee.summary":
      "Gruppen gör sin egen dagordning: ämnen föreslås, röstas fram och diskuteras i tur och ordning, några minuter var.",
    "methods.tpl.leanCoffee.topics.title": "Föreslå ämnen",
    "methods.tpl.leanCoffee.topics.prompt": "Skriv de ämnen du vill diskutera, ett per lapp, och presentera dem kort.",
    "methods.tpl.leanCoffee.vote.title": "Rösta om ämnen",
    "methods.tpl.leanCoffee.vote.prompt": "Sätt dina prickar på de ämnen du helst vill diskutera.",
    "methods.tpl.leanCoffee.discuss.title": "Diskutera",
    "methods.tpl.leanCoffee.discuss.prompt":
      "Diskutera ämnena i röstordning. När tiden för ett ämne är ute röstar ni med tummen om ni ska fortsätta.",

    "methods.tpl.openSpace.name": "Open Space",
    "methods.tpl.openSpace.summary":
      "Deltagarna sätter dagordningen: ämnen placeras i ett rutnät av tider och platser, alla rör sig fritt och anteckningarna samlas in i slutet.",
    "methods.tpl.openSpace.opening.title": "Öppningscirkel",
    "methods.tpl.openSpace.opening.prompt":
      "Temat och principerna: de som kommer är rätt personer, och om du varken lär dig eller bidrar, gå vidare.",
    "methods.tpl.openSpace.market.title": "Marknadsplats",
    "methods.tpl.openSpace.market.prompt":
      "Sätt upp ett ämne du brinner för på en tid och en plats i rutnätet. Varje session utser en antecknare.",
    "methods.tpl.openSpace.slot.title": "Sessioner, omgång {n}",
    "methods.tpl.openSpace.slot.prompt":
      "Gå till den session du vill. Gå vidare fritt om du varken lär dig eller bidrar.",
    "methods.tpl.openSpace.closing.title": "Avslutningscirkel",
    "methods.tpl.openSpace.closing.prompt": "Titta på anteckningarna från alla sessioner. Vad tar du med dig?",
  },
});
