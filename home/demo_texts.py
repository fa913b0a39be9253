"""Demo texts for the audience pages: Swedish sources and the translations of two of them.

Each page is a dict; ``body`` is a list of ("h", text), ("p", [paragraphs]) or ("ul", [items]).
A translation has exactly the structure of its Swedish source (checked by ``flatten``), so each
string maps to one wagtail-localize segment. Short, plain sentences on purpose.
"""

VICTIMS = {
    "sv": {
        "title": "Är du utsatt?",
        "slug": "utsatt",
        "lead": (
            "Ingen har rätt att bestämma över ditt liv, vem du ska gifta dig med eller vem du får träffa. "
            "Du har rätt till stöd och skydd – oavsett ålder och kön."
        ),
        "body": [
            ("h", "Det här är hedersrelaterat våld"),
            (
                "p",
                [
                    "Hedersrelaterat våld är när familjen eller släkten kontrollerar dig för att skydda familjens rykte.",
                    "Det kan vara fysiskt, psykiskt, socialt eller digitalt våld.",
                ],
            ),
            (
                "ul",
                [
                    "Någon slår dig eller hotar dig.",
                    "Du får inte välja vänner, kläder eller partner.",
                    "Du tvingas gifta dig eller tas utomlands mot din vilja.",
                    "Någon kontrollerar din telefon, dina konton eller var du är.",
                ],
            ),
            ("h", "Du kan få hjälp"),
            (
                "p",
                [
                    "Du kan prata med Nexus utan att säga ditt namn. Vi lyssnar och hjälper dig att hitta rätt stöd "
                    "hos socialtjänsten, polisen eller vården.",
                    "Stödet är gratis. Du kan få tolk.",
                ],
            ),
        ],
        "hours": "Vardagar 8–16",
        "contact": "Du bestämmer själv vad du vill berätta.",
    },
    "en": {
        "title": "Are you at risk?",
        "slug": "utsatt",
        "lead": (
            "No one has the right to decide over your life, whom you marry or whom you see. "
            "You have the right to support and protection – whatever your age or gender."
        ),
        "body": [
            ("h", "What honour-related violence is"),
            (
                "p",
                [
                    "Honour-related violence is when your family or relatives control you to protect the family's "
                    "reputation.",
                    "It can be physical, psychological, social or digital violence.",
                ],
            ),
            (
                "ul",
                [
                    "Someone hits you or threatens you.",
                    "You are not allowed to choose your friends, clothes or partner.",
                    "You are forced to marry or taken abroad against your will.",
                    "Someone controls your phone, your accounts or where you are.",
                ],
            ),
            ("h", "You can get help"),
            (
                "p",
                [
                    "You can talk to Nexus without giving your name. We listen and help you find the right support "
                    "from social services, the police or healthcare.",
                    "The support is free. You can have an interpreter.",
                ],
            ),
        ],
        "hours": "Weekdays 8 am – 4 pm",
        "contact": "You decide what you want to tell us.",
    },
    "ar": {
        "title": "هل تتعرض للعنف أو السيطرة؟",
        "slug": "utsatt",
        "lead": (
            "لا يحق لأحد أن يقرر عنك حياتك، أو من تتزوج، أو من تلتقي. لك الحق في الدعم والحماية، مهما كان عمرك أو جنسك."
        ),
        "body": [
            ("h", "ما هو العنف المرتبط بالشرف"),
            (
                "p",
                [
                    "العنف المرتبط بالشرف هو عندما تسيطر عليك عائلتك أو أقاربك لحماية سمعة العائلة.",
                    "يمكن أن يكون عنفًا جسديًا أو نفسيًا أو اجتماعيًا أو رقميًا.",
                ],
            ),
            (
                "ul",
                [
                    "شخص يضربك أو يهددك.",
                    "لا يُسمح لك باختيار أصدقائك أو ملابسك أو شريك حياتك.",
                    "تُجبر على الزواج أو تؤخذ إلى الخارج رغمًا عنك.",
                    "شخص يراقب هاتفك أو حساباتك أو مكان وجودك.",
                ],
            ),
            ("h", "يمكنك الحصول على المساعدة"),
            (
                "p",
                [
                    "يمكنك التحدث مع نيكسوس دون أن تذكر اسمك. نستمع إليك ونساعدك في العثور على الدعم المناسب "
                    "لدى الخدمات الاجتماعية أو الشرطة أو الرعاية الصحية.",
                    "الدعم مجاني. يمكنك الحصول على مترجم.",
                ],
            ),
        ],
        "hours": "أيام العمل من 8 إلى 16",
        "contact": "أنت تقرر ما تريد أن تخبرنا به.",
    },
    "fa": {
        "title": "آیا در معرض خشونت هستید؟",
        "slug": "utsatt",
        "lead": (
            "هیچ‌کس حق ندارد دربارهٔ زندگی شما، اینکه با چه کسی ازدواج کنید یا با چه کسی رفت‌وآمد کنید، تصمیم بگیرد. "
            "شما حق دارید از حمایت و محافظت برخوردار شوید، فارغ از سن و جنسیت."
        ),
        "body": [
            ("h", "خشونت مرتبط با ناموس چیست"),
            (
                "p",
                [
                    "خشونت مرتبط با ناموس یعنی خانواده یا خویشاوندان شما را کنترل می‌کنند تا از آبروی خانواده محافظت کنند.",
                    "این خشونت می‌تواند جسمی، روانی، اجتماعی یا دیجیتال باشد.",
                ],
            ),
            (
                "ul",
                [
                    "کسی شما را می‌زند یا تهدید می‌کند.",
                    "اجازه ندارید دوستان، لباس یا همسر خود را انتخاب کنید.",
                    "مجبور به ازدواج می‌شوید یا برخلاف میل‌تان به خارج از کشور برده می‌شوید.",
                    "کسی تلفن، حساب‌ها یا محل بودن شما را کنترل می‌کند.",
                ],
            ),
            ("h", "می‌توانید کمک بگیرید"),
            (
                "p",
                [
                    "می‌توانید بدون گفتن نام خود با نکسوس صحبت کنید. ما به شما گوش می‌دهیم و کمک می‌کنیم حمایت مناسب را "
                    "از خدمات اجتماعی، پلیس یا مراکز درمانی پیدا کنید.",
                    "این حمایت رایگان است. می‌توانید مترجم داشته باشید.",
                ],
            ),
        ],
        "hours": "روزهای کاری ساعت ۸ تا ۱۶",
        "contact": "خودتان تصمیم می‌گیرید چه چیزی را بگویید.",
    },
    "so": {
        "title": "Ma lagu dhibaateeyaa?",
        "slug": "utsatt",
        "lead": (
            "Qofna xaq uma laha inuu go'aan ka gaaro noloshaada, cidda aad guursanayso ama cidda aad la kulmayso. "
            "Waxaad xaq u leedahay taageero iyo ilaalin, da'daada iyo jinsigaagu wuxuu doonaba ha ahaadee."
        ),
        "body": [
            ("h", "Waa maxay rabshadaha la xiriira sharafta"),
            (
                "p",
                [
                    "Rabshadaha la xiriira sharafta waa marka qoyskaaga ama qaraabadaadu ay ku xakameeyaan si ay u "
                    "ilaaliyaan sumcadda qoyska.",
                    "Waxay noqon kartaa rabshad jireed, nafsi ah, bulsho ama dijitaal ah.",
                ],
            ),
            (
                "ul",
                [
                    "Qof ayaa ku garaacaya ama ku hanjabaya.",
                    "Laguuma oggola inaad doorato saaxiibbadaa, dharkaaga ama lammaanahaaga.",
                    "Waxaa lagugu qasbaa guur ama waxaa lagu geeyaa dibadda adigoo aan rabin.",
                    "Qof ayaa xakameeya taleefankaaga, xisaabaadkaaga ama meesha aad joogto.",
                ],
            ),
            ("h", "Waxaad heli kartaa caawimaad"),
            (
                "p",
                [
                    "Waxaad la hadli kartaa Nexus adigoon magacaaga sheegin. Waan ku dhageysanaynaa oo waxaan kaa "
                    "caawinaynaa inaad hesho taageerada saxda ah ee adeegga bulshada, booliska ama daryeelka caafimaadka.",
                    "Taageeradu waa bilaash. Waxaad heli kartaa turjubaan.",
                ],
            ),
        ],
        "hours": "Maalmaha shaqada 8–16",
        "contact": "Adiga ayaa go'aansanaya waxaad rabto inaad noo sheegto.",
    },
    "ti": {
        "title": "ዓመጽ ይፍጸመካ ዶ ኣሎ?",
        "slug": "utsatt",
        "lead": ("ንህይወትካ፡ ምስ መን ከም እትምርዖ ወይ ምስ መን ከም እትራኸብ ዝውስን ሰብ የለን። ዕድሜኻን ጾታኻን ብዘየገድስ፡ ደገፍን ሓለዋን ናይ ምርካብ መሰል ኣሎካ።"),
        "body": [
            ("h", "ዓመጽ ክብሪ እንታይ እዩ"),
            (
                "p",
                [
                    "ዓመጽ ክብሪ ማለት ስድራኻ ወይ ኣዝማድካ ክብሪ ስድራ ንምሕላው ኢሎም ክቆጻጸሩኻ ከለዉ እዩ።",
                    "ኣካላዊ፡ ስነ-ኣእምሮኣዊ፡ ማሕበራዊ ወይ ዲጂታላዊ ዓመጽ ክኸውን ይኽእል።",
                ],
            ),
            (
                "ul",
                [
                    "ሓደ ሰብ ይወቕዓካ ወይ የፈራርሓካ።",
                    "ኣዕሩኽካ፡ ክዳንካ ወይ መጻምድትኻ ክትመርጽ ኣይፍቀደልካን።",
                    "ብዘይ ድሌትካ ንመርዓ ትግደድ ወይ ናብ ወጻኢ ትውሰድ።",
                    "ሓደ ሰብ ተሌፎንካ፡ ሕሳባትካ ወይ ኣበይ ከም ዘለኻ ይቆጻጸር።",
                ],
            ),
            ("h", "ሓገዝ ክትረክብ ትኽእል ኢኻ"),
            (
                "p",
                [
                    "ስምካ ከይገለጽካ ምስ ኔክሰስ ክትዛረብ ትኽእል ኢኻ። ንሰምዓካን ኣብ ማሕበራዊ ኣገልግሎት፡ ፖሊስ ወይ ክንክን ጥዕና ቅኑዕ ደገፍ ክትረክብ ንሕግዘካን።",
                    "እቲ ደገፍ ብናጻ እዩ። ተርጓሚ ክትረክብ ትኽእል ኢኻ።",
                ],
            ),
        ],
        "hours": "ናይ ስራሕ መዓልታት 8–16",
        "contact": "እንታይ ክትነግረና ከም እትደሊ ባዕልኻ ትውስን።",
    },
    "ckb": {
        "title": "ئایا تووشی توندوتیژی دەبیت؟",
        "slug": "utsatt",
        "lead": (
            "کەس مافی نییە بڕیار لەسەر ژیانت بدات، لەگەڵ کێ هاوسەرگیری بکەیت یان کێ ببینیت. "
            "تۆ مافی پشتگیری و پاراستنت هەیە، بێ گوێدانە تەمەن و ڕەگەز."
        ),
        "body": [
            ("h", "توندوتیژی پەیوەست بە شەرەف چییە"),
            (
                "p",
                [
                    "توندوتیژی پەیوەست بە شەرەف ئەوەیە کە خێزان یان خزمەکانت کۆنترۆڵت دەکەن بۆ پاراستنی ناوبانگی خێزان.",
                    "دەتوانێت توندوتیژی جەستەیی، دەروونی، کۆمەڵایەتی یان دیجیتاڵی بێت.",
                ],
            ),
            (
                "ul",
                [
                    "کەسێک لێت دەدات یان هەڕەشەت لێ دەکات.",
                    "ڕێگەت پێ نادرێت هاوڕێ، جل یان هاوسەری خۆت هەڵبژێریت.",
                    "ناچار دەکرێیت هاوسەرگیری بکەیت یان بە پێچەوانەی ویستی خۆت دەبرێیتە دەرەوەی وڵات.",
                    "کەسێک کۆنترۆڵی مۆبایلەکەت، هەژمارەکانت یان شوێنی بوونت دەکات.",
                ],
            ),
            ("h", "دەتوانیت یارمەتی وەربگریت"),
            (
                "p",
                [
                    "دەتوانیت بەبێ گوتنی ناوت لەگەڵ نێکسوس قسە بکەیت. گوێت لێ دەگرین و یارمەتیت دەدەین پشتگیری گونجاو "
                    "لە خزمەتگوزاری کۆمەڵایەتی، پۆلیس یان چاودێری تەندروستی بدۆزیتەوە.",
                    "پشتگیرییەکە بەخۆڕاییە. دەتوانیت وەرگێڕت هەبێت.",
                ],
            ),
        ],
        "hours": "ڕۆژانی کار ٨–١٦",
        "contact": "خۆت بڕیار دەدەیت چی پێمان بڵێیت.",
    },
    "fi": {
        "title": "Kohdistuuko sinuun väkivaltaa?",
        "slug": "utsatt",
        "lead": (
            "Kenelläkään ei ole oikeutta päättää elämästäsi, siitä kenen kanssa menet naimisiin tai keitä tapaat. "
            "Sinulla on oikeus tukeen ja suojeluun iästä ja sukupuolesta riippumatta."
        ),
        "body": [
            ("h", "Mitä kunniaan liittyvä väkivalta on"),
            (
                "p",
                [
                    "Kunniaan liittyvää väkivaltaa on se, kun perhe tai suku kontrolloi sinua suojellakseen perheen mainetta.",
                    "Se voi olla fyysistä, henkistä, sosiaalista tai digitaalista väkivaltaa.",
                ],
            ),
            (
                "ul",
                [
                    "Joku lyö tai uhkailee sinua.",
                    "Et saa itse valita ystäviäsi, vaatteitasi tai kumppaniasi.",
                    "Sinut pakotetaan naimisiin tai viedään ulkomaille vastoin tahtoasi.",
                    "Joku valvoo puhelintasi, tilejäsi tai olinpaikkaasi.",
                ],
            ),
            ("h", "Voit saada apua"),
            (
                "p",
                [
                    "Voit puhua Nexuksen kanssa kertomatta nimeäsi. Kuuntelemme ja autamme sinua löytämään oikean tuen "
                    "sosiaalipalveluista, poliisilta tai terveydenhuollosta.",
                    "Tuki on maksutonta. Voit saada tulkin.",
                ],
            ),
        ],
        "hours": "Arkisin klo 8–16",
        "contact": "Sinä päätät itse, mitä haluat kertoa.",
    },
}

RELATIVES = {
    "sv": {
        "title": "Till dig som är anhörig eller vän",
        "slug": "anhorig",
        "lead": "Är du orolig för någon som kan vara utsatt för hedersrelaterat våld? Du kan göra skillnad.",
        "body": [
            ("h", "Tecken att vara uppmärksam på"),
            (
                "ul",
                [
                    "Personen verkar rädd eller ledsen och drar sig undan.",
                    "Personen får inte träffa vänner eller vara med på aktiviteter.",
                    "Personen pratar om ett giftermål eller en resa som hon eller han inte vill.",
                ],
            ),
            ("h", "Så kan du hjälpa"),
            (
                "p",
                [
                    "Lyssna och tro på det personen berättar. Döm inte.",
                    "Ring Nexus för att få råd. Du behöver inte säga vem det gäller.",
                    "Vid akut fara, ring 112.",
                ],
            ),
        ],
        "hours": "Vardagar 8–16",
        "contact": "Du kan få råd om hur du kan stötta den du är orolig för.",
    },
    "en": {
        "title": "For relatives and friends",
        "slug": "anhorig",
        "lead": (
            "Are you worried about someone who may be subjected to honour-related violence? You can make a difference."
        ),
        "body": [
            ("h", "Signs to look out for"),
            (
                "ul",
                [
                    "The person seems afraid or sad and withdraws.",
                    "The person is not allowed to meet friends or take part in activities.",
                    "The person talks about a marriage or a trip that she or he does not want.",
                ],
            ),
            ("h", "How you can help"),
            (
                "p",
                [
                    "Listen and believe what the person tells you. Do not judge.",
                    "Call Nexus for advice. You do not have to say who it is about.",
                    "If there is immediate danger, call 112.",
                ],
            ),
        ],
        "hours": "Weekdays 8 am – 4 pm",
        "contact": "You can get advice on how to support the person you are worried about.",
    },
    "ar": {
        "title": "إلى الأقارب والأصدقاء",
        "slug": "anhorig",
        "lead": "هل أنت قلق على شخص قد يتعرض للعنف المرتبط بالشرف؟ يمكنك أن تُحدث فرقًا.",
        "body": [
            ("h", "علامات يجب الانتباه إليها"),
            (
                "ul",
                [
                    "يبدو الشخص خائفًا أو حزينًا وينعزل عن الآخرين.",
                    "لا يُسمح للشخص بلقاء أصدقائه أو المشاركة في الأنشطة.",
                    "يتحدث الشخص عن زواج أو سفر لا يريده.",
                ],
            ),
            ("h", "كيف يمكنك المساعدة"),
            (
                "p",
                [
                    "استمع وصدّق ما يقوله الشخص. لا تحكم عليه.",
                    "اتصل بنيكسوس للحصول على نصيحة. لا يلزمك أن تذكر اسم الشخص.",
                    "في حالة الخطر الطارئ، اتصل بالرقم 112.",
                ],
            ),
        ],
        "hours": "أيام العمل من 8 إلى 16",
        "contact": "يمكنك الحصول على نصيحة حول كيفية دعم الشخص الذي تقلق عليه.",
    },
    "fa": {
        "title": "برای خویشاوندان و دوستان",
        "slug": "anhorig",
        "lead": "آیا نگران کسی هستید که ممکن است در معرض خشونت مرتبط با ناموس باشد؟ شما می‌توانید تغییری ایجاد کنید.",
        "body": [
            ("h", "نشانه‌هایی که باید به آن‌ها توجه کرد"),
            (
                "ul",
                [
                    "آن فرد ترسیده یا غمگین به نظر می‌رسد و گوشه‌گیر شده است.",
                    "آن فرد اجازه ندارد دوستانش را ببیند یا در فعالیت‌ها شرکت کند.",
                    "آن فرد از ازدواج یا سفری حرف می‌زند که آن را نمی‌خواهد.",
                ],
            ),
            ("h", "چگونه می‌توانید کمک کنید"),
            (
                "p",
                [
                    "گوش دهید و حرف‌های او را باور کنید. قضاوت نکنید.",
                    "برای مشاوره با نکسوس تماس بگیرید. لازم نیست بگویید موضوع دربارهٔ چه کسی است.",
                    "در صورت خطر فوری با ۱۱۲ تماس بگیرید.",
                ],
            ),
        ],
        "hours": "روزهای کاری ساعت ۸ تا ۱۶",
        "contact": "می‌توانید دربارهٔ اینکه چگونه از فردی که نگرانش هستید حمایت کنید، مشاوره بگیرید.",
    },
    "so": {
        "title": "Qaraabada iyo saaxiibada",
        "slug": "anhorig",
        "lead": (
            "Ma ka walwalsan tahay qof laga yaabo in lagu hayo rabshado la xiriira sharafta? "
            "Waxaad samayn kartaa isbeddel."
        ),
        "body": [
            ("h", "Calaamadaha la fiirsado"),
            (
                "ul",
                [
                    "Qofku wuxuu u muuqdaa mid baqay ama murugaysan oo dadka ka fogaada.",
                    "Qofka looma oggola inuu la kulmo saaxiibbadiis ama ka qayb galo hawlaha.",
                    "Qofku wuxuu ka hadlaa guur ama safar uusan rabin.",
                ],
            ),
            ("h", "Sida aad u caawin karto"),
            (
                "p",
                [
                    "Dhageyso oo rumee waxa qofku kuu sheego. Ha xukumin.",
                    "Wac Nexus si aad talo u hesho. Uma baahnid inaad sheegto cidda ay khusayso.",
                    "Haddii khatar degdeg ah jirto, wac 112.",
                ],
            ),
        ],
        "hours": "Maalmaha shaqada 8–16",
        "contact": "Waxaad heli kartaa talo ku saabsan sida aad u taageeri karto qofka aad ka walwalsan tahay.",
    },
    "ti": {
        "title": "ንኣዝማድን ኣዕሩኽን",
        "slug": "anhorig",
        "lead": "ብዛዕባ ሓደ ዓመጽ ክብሪ ክወርዶ ዝኽእል ሰብ ትሻቐል ዶ ኣሎኻ? ለውጢ ከተምጽእ ትኽእል ኢኻ።",
        "body": [
            ("h", "ክትከታተሎም ዘለካ ምልክታት"),
            (
                "ul",
                [
                    "እቲ ሰብ ፈሪሑ ወይ ጉሂ መሲሉ ካብ ሰባት ይርሕሕ።",
                    "እቲ ሰብ ምስ ኣዕሩኹ ክራኸብ ወይ ኣብ ንጥፈታት ክሳተፍ ኣይፍቀደሉን።",
                    "እቲ ሰብ ብዛዕባ ዘይደልዮ መርዓ ወይ ጉዕዞ ይዛረብ።",
                ],
            ),
            ("h", "ከመይ ጌርካ ክትሕግዝ ትኽእል"),
            (
                "p",
                [
                    "ስማዕ፡ ነቲ ሰብ ዝነገረካ ድማ እመን። ኣይትፍረድ።",
                    "ምኽሪ ንምርካብ ናብ ኔክሰስ ደውል። መን ምዃኑ ክትገልጽ ኣየድልየካን።",
                    "ህጹጽ ሓደጋ እንተሃልዩ፡ ናብ 112 ደውል።",
                ],
            ),
        ],
        "hours": "ናይ ስራሕ መዓልታት 8–16",
        "contact": "ነቲ እትሻቐለሉ ሰብ ብኸመይ ክትድግፎ ከም እትኽእል ምኽሪ ክትረክብ ትኽእል ኢኻ።",
    },
    "ckb": {
        "title": "بۆ خزم و هاوڕێیان",
        "slug": "anhorig",
        "lead": "ئایا نیگەرانی کەسێکیت کە لەوانەیە تووشی توندوتیژی پەیوەست بە شەرەف بێت؟ دەتوانیت جیاوازی دروست بکەیت.",
        "body": [
            ("h", "ئەو نیشانانەی کە دەبێت ئاگاداریان بیت"),
            (
                "ul",
                [
                    "کەسەکە ترساو یان خەمبار دیارە و خۆی دوور دەخاتەوە.",
                    "ڕێگە بە کەسەکە نادرێت هاوڕێکانی ببینێت یان بەشداری چالاکییەکان بکات.",
                    "کەسەکە باسی هاوسەرگیری یان گەشتێک دەکات کە نایەوێت.",
                ],
            ),
            ("h", "چۆن دەتوانیت یارمەتی بدەیت"),
            (
                "p",
                [
                    "گوێ بگرە و باوەڕ بەوە بکە کە کەسەکە دەیڵێت. حوکمی لەسەر مەدە.",
                    "بۆ وەرگرتنی ئامۆژگاری پەیوەندی بە نێکسوسەوە بکە. پێویست ناکات بڵێیت باسی کێیە.",
                    "لە کاتی مەترسی بەپەلە، پەیوەندی بە ١١٢ بکە.",
                ],
            ),
        ],
        "hours": "ڕۆژانی کار ٨–١٦",
        "contact": "دەتوانیت ئامۆژگاری وەربگریت دەربارەی چۆنیەتی پشتگیریکردنی ئەو کەسەی کە نیگەرانیت.",
    },
    "fi": {
        "title": "Omaisille ja ystäville",
        "slug": "anhorig",
        "lead": "Oletko huolissasi jostakusta, joka voi joutua kunniaan liittyvän väkivallan kohteeksi? Voit vaikuttaa.",
        "body": [
            ("h", "Merkkejä, joihin kannattaa kiinnittää huomiota"),
            (
                "ul",
                [
                    "Henkilö vaikuttaa pelokkaalta tai surulliselta ja vetäytyy.",
                    "Henkilö ei saa tavata ystäviään tai osallistua harrastuksiin.",
                    "Henkilö puhuu avioliitosta tai matkasta, jota hän ei halua.",
                ],
            ),
            ("h", "Näin voit auttaa"),
            (
                "p",
                [
                    "Kuuntele ja usko, mitä henkilö kertoo. Älä tuomitse.",
                    "Soita Nexukselle ja kysy neuvoa. Sinun ei tarvitse kertoa, ketä asia koskee.",
                    "Välittömässä vaarassa soita 112.",
                ],
            ),
        ],
        "hours": "Arkisin klo 8–16",
        "contact": "Voit saada neuvoja siihen, miten voit tukea henkilöä, josta olet huolissasi.",
    },
}

# The other three audience pages: Swedish only.
SWEDISH_ONLY = [
    {
        "title": "För yrkesverksamma",
        "slug": "yrkesverksam",
        "lead": (
            "Möter du barn, unga eller vuxna som kan vara utsatta för hedersrelaterat våld i ditt arbete? "
            "Nexus ger dig stöd i enskilda ärenden och kunskap genom utbildningar."
        ),
        "body": [
            ("h", "Konsultation i ärenden"),
            (
                "p",
                [
                    "Ring oss och diskutera ett svårt ärende. Ta bort uppgifter som kan identifiera personen.",
                    "Vi hjälper dig med riskbedömning, vilka myndigheter som ska kopplas in och hur du kan prata med "
                    "den som är utsatt.",
                ],
            ),
            ("h", "Utbildningar"),
            (
                "p",
                [
                    "Vi utbildar personal i skola, socialtjänst, hälso- och sjukvård, polis och ideell sektor. "
                    "Se vår utbildningskalender eller beställ en utbildning till din arbetsplats.",
                ],
            ),
        ],
        "hours": "Vardagar 8–16",
        "contact": "",
    },
    {
        "title": "För medarbetare i samverkansorganisationerna",
        "slug": "samverkan",
        "lead": (
            "Arbetar du i en av kommunerna, hos Länsstyrelsen, Polisen eller Region Uppsala? "
            "Nexus finns för dig och dem du möter."
        ),
        "body": [
            ("h", "Hänvisa till Nexus"),
            (
                "p",
                [
                    "Du kan hänvisa den som är utsatt till oss. Stödet är gratis och kan vara anonymt.",
                ],
            ),
            ("h", "Rådgör och boka utbildning"),
            (
                "p",
                [
                    "Du kan rådgöra med oss om svåra ärenden och boka en utbildning för dig eller ditt arbetslag.",
                ],
            ),
        ],
        "hours": "Vardagar 8–16",
        "contact": "",
    },
    {
        "title": "Om hedersrelaterat våld",
        "slug": "om-hedersrelaterat-vald",
        "lead": (
            "Hedersrelaterat våld och förtryck handlar om kontroll för att bevara familjens eller släktens heder. "
            "Det drabbar flickor och pojkar, kvinnor och män, hbtqi-personer och äldre."
        ),
        "body": [
            ("h", "Våldet kan ha många former"),
            (
                "ul",
                [
                    "Fysiskt våld: slag, inlåsning, tvång att gifta sig.",
                    "Psykiskt våld: hot, skuld och skam.",
                    "Socialt våld: att inte få välja vänner, utbildning eller partner.",
                    "Digitalt våld: kontroll av telefon, konton och var någon befinner sig.",
                ],
            ),
            ("h", "Så kan du agera"),
            (
                "p",
                [
                    "Ta oron på allvar och lyssna. Vid akut fara, ring 112. Kontakta socialtjänsten om ett barn far "
                    "illa, och ring Nexus för råd.",
                ],
            ),
        ],
        "hours": "Vardagar 8–16",
        "contact": "",
    },
]

EASY_TO_READ = {
    "utsatt": {
        "title": "Är du utsatt? Lätt svenska",
        "slug": "latt-svenska",
        "lead": "Ingen får bestämma över ditt liv. Du har rätt att få hjälp.",
        "body": [
            (
                "p",
                [
                    "Ibland bestämmer familjen allt. Vem du får träffa. Vad du får ha på dig. Vem du ska gifta dig med.",
                    "Det kallas hedersrelaterat våld. Det är inte okej.",
                    "Du kan ringa Nexus. Du behöver inte säga ditt namn.",
                    "Om du är i fara nu: ring 112.",
                ],
            ),
        ],
        "hours": "Måndag till fredag, klockan 8 till 16",
        "contact": "",
    },
    "anhorig": {
        "title": "Till dig som är anhörig eller vän. Lätt svenska",
        "slug": "latt-svenska",
        "lead": "Är du orolig för någon? Du kan hjälpa.",
        "body": [
            (
                "p",
                [
                    "Lyssna på personen. Tro på det hon eller han säger.",
                    "Du kan ringa Nexus och få råd. Du behöver inte säga vem det gäller.",
                    "Om någon är i fara nu: ring 112.",
                ],
            ),
        ],
        "hours": "Måndag till fredag, klockan 8 till 16",
        "contact": "",
    },
}


def flatten(page):
    """The strings of ``page`` in wagtail-localize's segment order."""
    strings = [page["title"], page["slug"], page["lead"]]
    for kind, value in page["body"]:
        strings.extend([value] if kind == "h" else value)
    strings.append(page["hours"])
    if page["contact"]:
        strings.append(page["contact"])
    return strings


def shape(page):
    return [(kind, 1 if kind == "h" else len(value)) for kind, value in page["body"]]


# The three other audience pages in Arabic, so every audience page can be read (and checked)
# right-to-left. Same shape as the Swedish texts in SWEDISH_ONLY.
ARABIC_OTHERS = {
    "yrkesverksam": {
        "title": "للعاملين المهنيين",
        "slug": "yrkesverksam",
        "lead": (
            "هل تلتقي في عملك بأطفال أو شباب أو بالغين قد يتعرضون للعنف المرتبط بالشرف؟ "
            "يقدّم لك نيكسوس الدعم في الحالات الفردية والمعرفة من خلال الدورات التدريبية."
        ),
        "body": [
            ("h", "استشارة في الحالات"),
            (
                "p",
                [
                    "اتصل بنا لمناقشة حالة صعبة. احذف المعلومات التي يمكن أن تكشف هوية الشخص.",
                    "نساعدك في تقييم المخاطر، وفي معرفة الجهات التي يجب إشراكها، وفي كيفية التحدث مع الشخص "
                    "المعرَّض للعنف.",
                ],
            ),
            ("h", "الدورات التدريبية"),
            (
                "p",
                [
                    "ندرّب العاملين في المدارس والخدمات الاجتماعية والرعاية الصحية والشرطة والقطاع التطوعي. "
                    "اطّلع على تقويم الدورات أو اطلب دورة لمكان عملك.",
                ],
            ),
        ],
        "hours": "أيام العمل 8–16",
        "contact": "",
    },
    "samverkan": {
        "title": "للعاملين في الجهات الشريكة",
        "slug": "samverkan",
        "lead": (
            "هل تعمل في إحدى البلديات أو في المجلس الإداري للمقاطعة أو في الشرطة أو في إقليم أوبسالا؟ "
            "نيكسوس موجود من أجلك ومن أجل من تلتقي بهم."
        ),
        "body": [
            ("h", "أحِل الأشخاص إلى نيكسوس"),
            ("p", ["يمكنك إحالة الشخص المعرَّض للعنف إلينا. الدعم مجاني ويمكن أن يكون من دون ذكر الاسم."]),
            ("h", "استشرنا واحجز دورة تدريبية"),
            ("p", ["يمكنك استشارتنا في الحالات الصعبة وحجز دورة تدريبية لك أو لفريق عملك."]),
        ],
        "hours": "أيام العمل 8–16",
        "contact": "",
    },
    "om-hedersrelaterat-vald": {
        "title": "عن العنف المرتبط بالشرف",
        "slug": "om-hedersrelaterat-vald",
        "lead": (
            "العنف والقمع المرتبطان بالشرف يدوران حول السيطرة من أجل الحفاظ على شرف العائلة أو العشيرة. "
            "ويطال الفتيات والفتيان، والنساء والرجال، ومجتمع الميم، وكبار السن."
        ),
        "body": [
            ("h", "للعنف أشكال كثيرة"),
            (
                "ul",
                [
                    "العنف الجسدي: الضرب، والحبس، والإجبار على الزواج.",
                    "العنف النفسي: التهديد، والشعور بالذنب والعار.",
                    "العنف الاجتماعي: عدم السماح باختيار الأصدقاء أو التعليم أو الشريك.",
                    "العنف الرقمي: مراقبة الهاتف والحسابات ومكان وجود الشخص.",
                ],
            ),
            ("h", "كيف يمكنك أن تتصرف"),
            (
                "p",
                [
                    "خذ القلق على محمل الجد واستمع. في حالة الخطر الطارئ اتصل بالرقم 112. تواصل مع الخدمات "
                    "الاجتماعية إذا كان طفل يتعرض للأذى، واتصل بنيكسوس للحصول على النصيحة.",
                ],
            ),
        ],
        "hours": "أيام العمل 8–16",
        "contact": "",
    },
}
