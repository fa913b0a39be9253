"""Demo content: the service pages every visitor may need (safety, accessibility statement, about).

Idempotent: a page that exists (by its Swedish slug, or as a translation) is left as the editors
made it. Swedish first; English and Arabic translations follow the Swedish source.
"""

from wagtail.models import Locale
from wagtail.rich_text import RichText

from .models import StandardPage


def h2(text):
    return ("heading", {"text": text, "size": "h2"})


def p(html):
    return ("paragraph", RichText(html))


def fact(title, html):
    return ("fact_box", {"title": title, "text": RichText(html)})


SAFETY = {
    "sv": {
        "title": "Skydda dig på nätet",
        "slug": "sakerhet",
        "lead": "Vad knappen ”Lämna sidan snabbt” gör och inte gör, och hur du kan använda telefon och dator "
        "lite säkrare om någon kontrollerar dig.",
        "body": [
            h2("Vad knappen ”Lämna sidan snabbt” gör"),
            p(
                "<p>Överst på varje sida finns en röd knapp. När du klickar eller trycker på den, eller trycker "
                "på Skift-tangenten tre gånger i rad, blir sidan genast tom och fliken visar i stället SMHI:s "
                "väderprognos. Sidan du var på byts ut i historiken, så att bakåtknappen inte leder tillbaka "
                "till den.</p>"
            ),
            h2("Vad knappen inte gör"),
            p(
                "<ul><li>Den raderar inte <b>historiken</b>. Andra sidor du har besökt här finns kvar i "
                "webbläsarens historik och kan dyka upp när någon skriver i adressfältet.</li>"
                "<li>Den stänger inte <b>andra flikar eller fönster</b>. Har du flera sidor öppna syns de "
                "fortfarande.</li>"
                "<li>Den skyddar inte en <b>delad enhet eller ett delat konto</b>. Är webbläsaren inloggad på "
                "ett konto som någon annan också använder kan historiken synas på deras telefon eller dator.</li>"
                "<li>Den hindrar inte att någon <b>ser skärmen</b> medan du läser, och inte spionprogram som "
                "redan finns i enheten.</li></ul>"
            ),
            p(
                "<p>Webbplatsen sparar inga kakor och använder inga verktyg för besöksstatistik från andra "
                "företag. Det betyder inte att ditt besök är osynligt på din egen enhet.</p>"
            ),
            h2("Privat surfning"),
            p(
                "<p>I ett privat fönster (inkognito) sparar webbläsaren ingen historik när du stänger fönstret. "
                "Den som äger nätverket, till exempel en arbetsgivare, en skola eller den som har routern "
                "hemma, kan ändå se vilka webbplatser som besöks. Privat surfning skyddar inte heller mot "
                "spionprogram.</p>"
            ),
            h2("Rensa historiken, och tänk på att det kan märkas"),
            p(
                "<p>I de flesta webbläsare öppnar du rensningen med Ctrl + Skift + Delete på en dator, eller "
                "under Inställningar → Sekretess på en mobil. Det går oftast att ta bort bara enstaka sidor i "
                "stället för allt.</p>"
                "<p>En historik som plötsligt är tom kan i sig väcka frågor hos den som brukar kontrollera "
                "dig. Ibland är det säkrare att bara ta bort de sidor som rör våld och låta resten vara "
                "kvar.</p>"
            ),
            h2("Använd en säkrare enhet"),
            p(
                "<p>Om du tror att någon kontrollerar din telefon eller dator kan du använda en annan enhet: en "
                "dator på biblioteket, en väns telefon eller en dator i skolan. Logga ut efter dig.</p>"
            ),
            h2("Digitalt våld"),
            p(
                "<p>Digitalt våld är när någon använder teknik för att kontrollera, hota eller övervaka dig. "
                "Att kontrollera en ung persons telefon är ett vanligt tecken på hederskontroll.</p>"
                "<ul><li><b>Spionprogram</b>: program som skickar dina meddelanden, bilder eller din position "
                "till någon annan. Tecken kan vara att batteriet tar slut fort, okända appar eller att någon "
                "vet saker du bara har skrivit.</li>"
                "<li><b>Delade konton</b>: om någon annan kan lösenordet till din e-post, ditt Apple-ID eller "
                "Google-konto kan de läsa det du gör.</li>"
                "<li><b>Platsdelning</b>: telefonen, appar och kartor kan dela var du är. Kontrollera "
                "inställningarna för platstjänster och vilka du delar position med.</li>"
                "<li><b>Någon kontrollerar telefonen</b>: om någon kräver att få se dina meddelanden, "
                "kontakter eller bilder är det en form av kontroll.</li></ul>"
                "<p>Att byta lösenord eller ta bort en app kan märkas av den som övervakar dig. Prata gärna "
                "med någon som kan stödja dig innan du ändrar något.</p>"
            ),
            h2("Andra sätt att få hjälp"),
            fact(
                "Du kan få stöd utan att använda internet",
                "<ul><li>Vid akut fara: ring 112.</li>"
                "<li>Kvinnofridslinjen: 020-50 50 50, dygnet runt, gratis och anonymt. Samtalet syns inte på "
                "telefonräkningen.</li>"
                "<li>Barn och unga kan ringa BRIS: 116 111.</li>"
                "<li>Du kan också besöka socialtjänsten i din kommun eller en vårdcentral.</li></ul>",
            ),
        ],
    },
    "en": {
        "title": "Protect yourself online",
        "slug": "safety",
        "lead": "What the “Leave this page quickly” button does and does not do, and how to use your phone and "
        "computer a little more safely if someone controls you.",
        "body": [
            h2("What the “Leave this page quickly” button does"),
            p(
                "<p>There is a red button at the top of every page. When you click or tap it, or press the Shift "
                "key three times in a row, the page goes blank at once and the tab shows SMHI's weather forecast "
                "instead. The page you were on is replaced in the history, so the Back button does not lead back "
                "to it.</p>"
            ),
            h2("What the button does not do"),
            p(
                "<ul><li>It does not delete your <b>history</b>. Other pages you visited here stay in the "
                "browser history and may show up when someone types in the address bar.</li>"
                "<li>It does not close <b>other tabs or windows</b>.</li>"
                "<li>It does not protect a <b>shared device or account</b>. If the browser is signed in to an "
                "account someone else also uses, your history may appear on their phone or computer.</li>"
                "<li>It cannot stop someone <b>watching your screen</b>, or spyware already on the device.</li></ul>"
            ),
            p(
                "<p>This website sets no cookies and uses no statistics tools from other companies. That does "
                "not make your visit invisible on your own device.</p>"
            ),
            h2("Private browsing"),
            p(
                "<p>In a private (incognito) window the browser keeps no history once you close the window. The "
                "owner of the network, such as an employer, a school or whoever controls the router at home, can "
                "still see which websites are visited. Private browsing does not protect against spyware.</p>"
            ),
            h2("Clearing your history, and that it can be noticed"),
            p(
                "<p>Most browsers open the clearing dialogue with Ctrl + Shift + Delete on a computer, or under "
                "Settings → Privacy on a phone. You can usually remove single pages instead of everything.</p>"
                "<p>A history that is suddenly empty can itself raise questions with someone who checks on you. "
                "Sometimes it is safer to remove only the pages about violence.</p>"
            ),
            h2("Use a safer device"),
            p(
                "<p>If you think someone checks your phone or computer, use another device: a library computer, "
                "a friend's phone or a school computer. Sign out afterwards.</p>"
            ),
            h2("Digital violence"),
            p(
                "<p>Digital violence is when someone uses technology to control, threaten or watch you. "
                "Checking a young person's phone is a common sign of honour-based control.</p>"
                "<ul><li><b>Spyware</b>: apps that send your messages, photos or location to someone else. "
                "Signs can be a battery that drains fast, unknown apps, or someone knowing things you only "
                "wrote.</li>"
                "<li><b>Shared accounts</b>: if someone else knows the password to your e-mail, Apple ID or Google "
                "account, they can read what you do.</li>"
                "<li><b>Location sharing</b>: your phone, apps and maps can share where you are. Check your "
                "location settings and who you share your location with.</li>"
                "<li><b>Someone checking your phone</b>: demanding to see your messages, contacts or photos is a "
                "form of control.</li></ul>"
                "<p>Changing a password or removing an app can be noticed by whoever watches you. Talk to someone "
                "who can support you before you change anything.</p>"
            ),
            h2("Other ways to get help"),
            fact(
                "You can get support without the internet",
                "<ul><li>In an emergency: call 112.</li>"
                "<li>Kvinnofridslinjen (national helpline): 020-50 50 50, day and night, free and anonymous. "
                "The call does not appear on the phone bill.</li>"
                "<li>Children and young people can call BRIS: 116 111.</li>"
                "<li>You can also visit social services in your municipality or a health centre.</li></ul>",
            ),
        ],
    },
    "ar": {
        "title": "احمِ نفسك على الإنترنت",
        "slug": "safety",
        "lead": "ما الذي يفعله زر «غادر الصفحة بسرعة» وما الذي لا يفعله، وكيف تستخدم هاتفك وحاسوبك بأمان أكبر "
        "إذا كان شخص ما يراقبك.",
        "body": [
            h2("ما الذي يفعله زر «غادر الصفحة بسرعة»"),
            p(
                "<p>يوجد زر أحمر في أعلى كل صفحة. عندما تنقر عليه أو تلمسه، أو تضغط على مفتاح Shift ثلاث مرات "
                "متتالية، تصبح الصفحة فارغة فورًا ويعرض التبويب بدلًا منها توقعات الطقس من SMHI. تُستبدل الصفحة "
                "التي كنت فيها في سجل التصفح، فلا يعيدك زر الرجوع إليها.</p>"
            ),
            h2("ما الذي لا يفعله الزر"),
            p(
                "<ul><li>لا يحذف <b>سجل التصفح</b>. الصفحات الأخرى التي زرتها هنا تبقى في السجل.</li>"
                "<li>لا يغلق <b>التبويبات أو النوافذ الأخرى</b>.</li>"
                "<li>لا يحمي <b>جهازًا أو حسابًا مشتركًا</b>. إذا كان المتصفح مسجلًا في حساب يستخدمه شخص آخر، "
                "فقد يظهر سجلك على هاتفه أو حاسوبه.</li>"
                "<li>لا يمنع أحدًا من <b>النظر إلى شاشتك</b>، ولا يوقف برامج التجسس الموجودة على الجهاز.</li></ul>"
            ),
            p(
                "<p>لا يحفظ هذا الموقع ملفات تعريف الارتباط (الكوكيز) ولا يستخدم أدوات إحصاء من شركات أخرى. لكن "
                "هذا لا يجعل زيارتك غير مرئية على جهازك.</p>"
            ),
            h2("التصفح الخاص"),
            p(
                "<p>في نافذة التصفح الخاص لا يحفظ المتصفح السجل بعد إغلاق النافذة. لكن صاحب الشبكة، مثل جهة العمل "
                "أو المدرسة أو من يتحكم في جهاز الراوتر في البيت، يمكنه أن يرى المواقع التي تُزار.</p>"
            ),
            h2("مسح السجل، وقد يُلاحَظ ذلك"),
            p(
                "<p>في معظم المتصفحات تفتح المسح بالضغط على Ctrl + Shift + Delete في الحاسوب، أو من الإعدادات ← "
                "الخصوصية في الهاتف. يمكنك عادةً حذف صفحات معينة فقط.</p>"
                "<p>السجل الفارغ فجأة قد يثير أسئلة لدى من يراقبك. أحيانًا يكون الأكثر أمانًا حذف الصفحات المتعلقة "
                "بالعنف فقط.</p>"
            ),
            h2("استخدم جهازًا أكثر أمانًا"),
            p(
                "<p>إذا كنت تظن أن أحدًا يراقب هاتفك أو حاسوبك، استخدم جهازًا آخر: حاسوب المكتبة أو هاتف صديق أو "
                "حاسوب المدرسة. وسجّل الخروج بعد الاستخدام.</p>"
            ),
            h2("العنف الرقمي"),
            p(
                "<p>العنف الرقمي هو استخدام التكنولوجيا للسيطرة عليك أو تهديدك أو مراقبتك. مراقبة هاتف شاب أو شابة "
                "علامة شائعة على السيطرة باسم الشرف.</p>"
                "<ul><li><b>برامج التجسس</b>: تطبيقات ترسل رسائلك أو صورك أو موقعك إلى شخص آخر.</li>"
                "<li><b>الحسابات المشتركة</b>: إذا كان شخص آخر يعرف كلمة مرور بريدك أو حسابك في Apple أو Google، "
                "فيمكنه أن يقرأ ما تفعله.</li>"
                "<li><b>مشاركة الموقع</b>: قد يشارك هاتفك وتطبيقاتك المكان الذي أنت فيه. تحقق من إعدادات الموقع.</li>"
                "<li><b>شخص يفتش هاتفك</b>: المطالبة برؤية رسائلك أو جهات اتصالك أو صورك نوع من السيطرة.</li></ul>"
                "<p>قد يلاحظ من يراقبك تغيير كلمة المرور أو حذف تطبيق. تحدث مع من يستطيع دعمك قبل أن تغيّر شيئًا.</p>"
            ),
            h2("طرق أخرى للحصول على المساعدة"),
            fact(
                "يمكنك الحصول على الدعم دون الإنترنت",
                "<ul><li>في حالة الخطر الفوري: اتصل بالرقم 112.</li>"
                "<li>خط Kvinnofridslinjen: ‎020-50 50 50، على مدار الساعة، مجانًا ودون الكشف عن هويتك. "
                "لا تظهر المكالمة في فاتورة الهاتف.</li>"
                "<li>يمكن للأطفال والشباب الاتصال بـ BRIS على الرقم 116 111.</li>"
                "<li>يمكنك أيضًا زيارة الخدمات الاجتماعية في بلديتك أو مركز رعاية صحية.</li></ul>",
            ),
        ],
    },
}

ACCESSIBILITY = {
    "sv": {
        "title": "Tillgänglighetsredogörelse",
        "slug": "tillganglighet",
        "lead": "Nexus resurscentrum mot hedersrelaterat våld står bakom den här webbplatsen. Vi vill att så många "
        "som möjligt ska kunna använda den. Här beskriver vi hur webbplatsen uppfyller lagen om tillgänglighet "
        "till digital offentlig service, kända brister och hur du kan rapportera problem.",
        "body": [
            h2("Hur tillgänglig är webbplatsen?"),
            p(
                "<p>Webbplatsen är <b>delvis förenlig</b> med lagen (2018:1937) om tillgänglighet till digital "
                "offentlig service, på grund av de brister som beskrivs nedan. Kraven är de i standarden "
                "EN 301 549 (WCAG 2.1 nivå AA).</p>"
            ),
            h2("Innehåll som inte är tillgängligt"),
            p(
                "<ul><li>Vissa PDF-dokument som samverkansparterna publicerat saknar rubrikstruktur och "
                "taggar, och är svåra att läsa med skärmläsare (WCAG 1.3.1, 2.4.2). Vi byter ut dem mot "
                "tillgängliga versioner när de uppdateras.</li>"
                "<li>Äldre bilder i nyheter kan sakna alternativtext (WCAG 1.1.1).</li>"
                "<li>Alla översättningar är ännu inte granskade av en person med språket som modersmål, och "
                "talsyntes för tigrinska och somaliska saknas i många enheter.</li>"
                "<li>Filmer som vi länkar till hos andra saknar ibland syntolkning (WCAG 1.2.5).</li></ul>"
            ),
            h2("Vad kan du göra om du inte kan använda delar av webbplatsen?"),
            p(
                "<p>Om du behöver innehåll i ett annat format, till exempel en tillgänglig version av ett "
                "dokument, kan du kontakta oss på e-post "
                '<a href="mailto:tillganglighet@nexus.example">tillganglighet@nexus.example</a>. '
                "Vi svarar inom fem arbetsdagar.</p>"
            ),
            h2("Rapportera brister i webbplatsens tillgänglighet"),
            p(
                "<p>Vi strävar hela tiden efter att förbättra webbplatsens tillgänglighet. Om du upptäcker "
                "problem som inte beskrivs på den här sidan, eller om du anser att vi inte uppfyller lagens "
                'krav, kontakta oss på <a href="mailto:tillganglighet@nexus.example">'
                "tillganglighet@nexus.example</a> så att vi får veta att problemet finns.</p>"
            ),
            h2("Tillsyn"),
            p(
                "<p>Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn över lagen om "
                "tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina "
                "synpunkter kan du kontakta Digg och påtala det: "
                '<a href="https://www.digg.se/tdosanmalan">anmäl till Digg</a>.</p>'
            ),
            h2("Innehåll som inte omfattas av lagen"),
            p(
                "<p>Innehåll från tredje part som vi varken finansierar, tagit fram eller kontrollerar, till "
                "exempel samverkansparternas egna webbplatser, omfattas inte. Det gör inte heller kontorsdokument "
                "publicerade före den 23 september 2018 som inte behövs för pågående administrativa processer, "
                "eller förinspelade filmer publicerade före den 23 september 2020.</p>"
                "<p>Vi åberopar inget undantag för oskäligt betungande anpassning (12 § lagen 2018:1937).</p>"
            ),
            h2("Hur vi testat webbplatsen"),
            p(
                "<p>Vi har gjort en självskattning (intern testning) av webbplatsen: automatiska tester med "
                "axe-core i webbläsaren Chromium på mobil- och datorbredd, på svenska och arabiska, kontroll av "
                "HTML-koden med Nu Html Checker, och manuell kontroll av att allt går att använda med "
                "tangentbord.</p>"
                "<p>Webbplatsen bedömdes senast den 26 november 2026. Redogörelsen uppdaterades senast den "
                "26 november 2026.</p>"
            ),
        ],
    },
    "en": {
        "title": "Accessibility statement",
        "slug": "accessibility",
        "lead": "Nexus, the resource centre against honour-related violence, runs this website. We want as many "
        "people as possible to be able to use it. This statement describes how the website meets the Swedish "
        "act on accessibility of digital public services, known problems and how to report them.",
        "body": [
            h2("How accessible is this website?"),
            p(
                "<p>This website is <b>partially compliant</b> with the Act (2018:1937) on accessibility to "
                "digital public services, because of the problems listed below. The requirements are those of "
                "EN 301 549 (WCAG 2.1 level AA).</p>"
            ),
            h2("Content that is not accessible"),
            p(
                "<ul><li>Some PDF documents published by the partners lack headings and tags and are hard to "
                "read with a screen reader (WCAG 1.3.1, 2.4.2).</li>"
                "<li>Older images in news items may lack a text alternative (WCAG 1.1.1).</li>"
                "<li>Not every translation has been reviewed by a native speaker yet, and many devices lack "
                "text-to-speech for Tigrinya and Somali.</li>"
                "<li>Videos we link to on other sites sometimes lack audio description (WCAG 1.2.5).</li></ul>"
            ),
            h2("What to do if you cannot use parts of this website"),
            p(
                "<p>If you need content in another format, such as an accessible version of a document, e-mail "
                '<a href="mailto:tillganglighet@nexus.example">tillganglighet@nexus.example</a>. We answer within '
                "five working days.</p>"
            ),
            h2("Reporting accessibility problems"),
            p(
                "<p>If you find a problem not described here, or think we do not meet the requirements of the "
                'law, tell us at <a href="mailto:tillganglighet@nexus.example">tillganglighet@nexus.example</a>.</p>'
            ),
            h2("Enforcement"),
            p(
                "<p>The Agency for Digital Government (Digg) supervises the act. If you are not satisfied with "
                "how we handle your report, you can contact Digg: "
                '<a href="https://www.digg.se/tdosanmalan">report to Digg</a>.</p>'
            ),
            h2("Content outside the scope of the law"),
            p(
                "<p>Third-party content that we neither fund, produce nor control, such as the partners' own "
                "websites, office documents published before 23 September 2018 that are not needed for ongoing "
                "administrative processes, and pre-recorded videos published before 23 September 2020.</p>"
                "<p>We do not claim any exemption for disproportionate burden.</p>"
            ),
            h2("How we tested this website"),
            p(
                "<p>Self-assessment (internal testing): automated axe-core tests in the Chromium browser at mobile "
                "and desktop widths, in Swedish and Arabic, HTML checks with the Nu Html Checker, and manual "
                "keyboard checks.</p>"
                "<p>The website was last assessed on 26 November 2026. This statement was last updated on "
                "26 November 2026.</p>"
            ),
        ],
    },
    "ar": {
        "title": "بيان إمكانية الوصول",
        "slug": "accessibility",
        "lead": "يدير مركز Nexus لمناهضة العنف المرتبط بالشرف هذا الموقع. نريد أن يتمكن أكبر عدد ممكن من الناس "
        "من استخدامه. يصف هذا البيان مدى توافق الموقع مع القانون السويدي لإمكانية الوصول إلى الخدمات الرقمية "
        "العامة، والمشكلات المعروفة، وكيفية الإبلاغ عنها.",
        "body": [
            h2("ما مدى إمكانية الوصول إلى هذا الموقع؟"),
            p(
                "<p>هذا الموقع <b>متوافق جزئيًا</b> مع القانون (2018:1937) بشأن إمكانية الوصول إلى الخدمات "
                "الرقمية العامة، بسبب المشكلات المذكورة أدناه.</p>"
            ),
            h2("محتوى لا يمكن الوصول إليه"),
            p(
                "<ul><li>بعض ملفات PDF التي نشرها الشركاء تفتقر إلى العناوين والوسوم ويصعب قراءتها بقارئ الشاشة.</li>"
                "<li>قد تفتقر بعض الصور القديمة في الأخبار إلى نص بديل.</li>"
                "<li>لم يراجع متحدث أصلي جميع الترجمات بعد.</li></ul>"
            ),
            h2("الإبلاغ عن المشكلات وطلب صيغة أخرى"),
            p(
                "<p>إذا احتجت إلى محتوى بصيغة أخرى، أو وجدت مشكلة غير مذكورة هنا، راسلنا على "
                '<a href="mailto:tillganglighet@nexus.example">tillganglighet@nexus.example</a>.</p>'
            ),
            h2("الإشراف"),
            p(
                "<p>تشرف الهيئة السويدية للإدارة الرقمية (Digg) على تطبيق القانون. إذا لم تكن راضيًا عن طريقة "
                'تعاملنا مع ملاحظتك، يمكنك التواصل مع Digg: <a href="https://www.digg.se/tdosanmalan">'
                "تقديم بلاغ إلى Digg</a>.</p>"
            ),
            h2("كيف اختبرنا الموقع"),
            p(
                "<p>قمنا بتقييم ذاتي: اختبارات آلية باستخدام axe-core في متصفح Chromium، وفحص رموز HTML، "
                "وفحص يدوي باستخدام لوحة المفاتيح. جرى آخر تقييم وآخر تحديث لهذا البيان في 26 نوفمبر 2026.</p>"
            ),
        ],
    },
}

ABOUT = {
    "sv": {
        "title": "Om Nexus",
        "slug": "om-nexus",
        "lead": "Nexus resurscentrum mot hedersrelaterat våld ger stöd till utsatta och kunskap till "
        "yrkesverksamma i Uppsala län.",
        "body": [
            h2("Ett samarbete i hela länet"),
            p(
                "<p>Uppsala kommun är huvudman för Nexus. Länets åtta kommuner, Polismyndigheten, Region Uppsala "
                "och Länsstyrelsen Uppsala län styr arbetet tillsammans.</p>"
            ),
            h2("Vad vi gör"),
            p(
                "<ul><li>Stöd till personer som utsätts för hedersrelaterat våld och förtryck, i alla åldrar.</li>"
                "<li>Konsultation och utbildning för yrkesverksamma.</li></ul>"
            ),
        ],
    },
    "en": {
        "title": "About Nexus",
        "slug": "about-nexus",
        "lead": "Nexus, the resource centre against honour-related violence, supports people at risk and trains "
        "professionals in Uppsala County.",
        "body": [
            h2("A county-wide collaboration"),
            p(
                "<p>Uppsala Municipality runs Nexus. The county's eight municipalities, the Police, Region Uppsala "
                "and the County Administrative Board steer it together.</p>"
            ),
        ],
    },
    "ar": {
        "title": "عن Nexus",
        "slug": "about-nexus",
        "lead": "يقدم مركز Nexus لمناهضة العنف المرتبط بالشرف الدعم للأشخاص المعرضين للخطر والمعرفة للمهنيين في "
        "مقاطعة أوبسالا.",
        "body": [
            h2("تعاون في المقاطعة كلها"),
            p(
                "<p>بلدية أوبسالا هي الجهة المسؤولة عن Nexus، وتديره بالتعاون مع بلديات المقاطعة الثماني والشرطة "
                "ومنطقة أوبسالا.</p>"
            ),
        ],
    },
}

DEMO_PAGES = [ABOUT, SAFETY, ACCESSIBILITY]


def _fill(page, texts):
    page.title = texts["title"]
    page.slug = texts["slug"]
    page.lead = texts["lead"]
    page.body = texts["body"]


def ensure_standard_page(home, texts_by_language):
    """The Swedish page under ``home`` and its live translations; existing pages are left alone."""
    sv_texts = texts_by_language["sv"]
    source = StandardPage.objects.child_of(home).filter(slug=sv_texts["slug"]).first()
    if source is None:
        source = StandardPage(locale=home.locale)
        _fill(source, sv_texts)
        home.add_child(instance=source)
        source.save_revision().publish()
    for code, texts in texts_by_language.items():
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None or locale == source.locale or source.has_translation(locale):
            continue
        translated = source.copy_for_translation(locale)
        _fill(translated, texts)
        translated.save_revision().publish()
    return source


def load_demo(home):
    for texts in DEMO_PAGES:
        ensure_standard_page(home, texts)
