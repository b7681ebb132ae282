<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AddFeedDialog</name>
    <message>
        <location filename="../../ui/views/channels.py" line="49"/>
        <source>Add feed channel</source>
        <translation>Feed-Kanal hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="52"/>
        <source>A feed channel writes each post as a Markdown file into a folder and keeps an Atom feed (feed.xml) there up to date. A static site or any feed reader can take it from there. No account needed.</source>
        <translation>Ein Feed-Kanal schreibt jeden Beitrag als Markdown-Datei in einen Ordner und hält dort einen Atom-Feed (feed.xml) aktuell. Eine statische Website oder jeder Feed-Reader kann die Inhalte von dort übernehmen. Kein Konto erforderlich.</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="59"/>
        <source>e.g. Company blog</source>
        <translation>z. B. Firmenblog</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="61"/>
        <source>Folder the posts are written to</source>
        <translation>Ordner, in den die Beiträge geschrieben werden</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="62"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="68"/>
        <source>https://www.example.org/news (optional)</source>
        <translation>https://www.example.org/news (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="70"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="71"/>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="72"/>
        <source>Public address:</source>
        <translation>Öffentliche Adresse:</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="77"/>
        <source>Add channel</source>
        <translation>Kanal hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="88"/>
        <source>Choose the feed folder</source>
        <translation>Feed-Ordner auswählen</translation>
    </message>
</context>
<context>
    <name>CalendarView</name>
    <message>
        <location filename="../../ui/views/calendar.py" line="110"/>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="112"/>
        <source>Days with posts are marked. Double-click a post to open it in the post list.</source>
        <translation>Tage mit Beiträgen sind markiert. Doppelklicken Sie auf einen Beitrag, um ihn in der Beitragsliste zu öffnen.</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="166"/>
        <source>Nothing planned on this day.</source>
        <translation>An diesem Tag ist nichts geplant.</translation>
    </message>
</context>
<context>
    <name>ChannelsView</name>
    <message>
        <location filename="../../ui/views/channels.py" line="127"/>
        <source>No channels yet. Add a feed folder to start publishing.</source>
        <translation>Noch keine Kanäle. Fügen Sie einen Feed-Ordner hinzu, um mit dem Veröffentlichen zu beginnen.</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="131"/>
        <source>Add feed channel…</source>
        <translation>Feed-Kanal hinzufügen…</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="134"/>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="136"/>
        <source>Remove…</source>
        <translation>Entfernen…</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="142"/>
        <source>Mastodon, Bluesky, Matrix, WordPress, Telegram and Discord channels follow in the next version.</source>
        <translation>Kanäle für Mastodon, Bluesky, Matrix, WordPress, Telegram und Discord folgen in der nächsten Version.</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="152"/>
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="169"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="169"/>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="169"/>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="169"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="173"/>
        <source>Feed folder</source>
        <translation>Feed-Ordner</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="205"/>
        <source>Channel &apos;%1&apos; added.</source>
        <translation>Kanal „%1“ hinzugefügt.</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="212"/>
        <source>Testing &apos;%1&apos;…</source>
        <translation>„%1“ wird getestet…</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="220"/>
        <source>&apos;%1&apos; works: writes to %2.</source>
        <translation>„%1“ funktioniert: schreibt in %2.</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="232"/>
        <source>Remove the channel &apos;%1&apos;? Files already published stay where they are.</source>
        <translation>Kanal „%1“ entfernen? Bereits veröffentlichte Dateien bleiben erhalten.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/channels.py" line="234"/>
        <source>%n post(s) not yet published to it will not be published.</source>
        <translation>
            <numerusform>%n Beitrag, der noch nicht in diesem Kanal veröffentlicht wurde, wird nicht mehr veröffentlicht.</numerusform>
            <numerusform>%n Beiträge, die noch nicht in diesem Kanal veröffentlicht wurden, werden nicht mehr veröffentlicht.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="236"/>
        <source>Remove channel</source>
        <translation>Kanal entfernen</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="238"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="253"/>
        <source>Channel &apos;%1&apos; removed.</source>
        <translation>Kanal „%1“ entfernt.</translation>
    </message>
</context>
<context>
    <name>ComposeView</name>
    <message>
        <location filename="../../ui/views/compose.py" line="106"/>
        <source>Title (optional; used by blogs and feeds)</source>
        <translation>Titel (optional; für Blogs und Feeds)</translation>
    </message>
    <message>
        <location filename="../../ui/views/compose.py" line="108"/>
        <source>Write your post in Markdown…</source>
        <translation>Schreiben Sie Ihren Beitrag in Markdown…</translation>
    </message>
    <message>
        <location filename="../../ui/views/compose.py" line="127"/>
        <source>No channels yet. Add one under Channels first.</source>
        <translation>Noch keine Kanäle. Fügen Sie zuerst unter „Kanäle“ einen hinzu.</translation>
    </message>
    <message>
        <location filename="../../ui/views/compose.py" line="129"/>
        <source>Add channel…</source>
        <translation>Kanal hinzufügen…</translation>
    </message>
    <message>
        <location filename="../../ui/views/compose.py" line="131"/>
        <source>Publish to</source>
        <translation>Veröffentlichen auf</translation>
    </message>
    <message>
        <location filename="../../ui/views/compose.py" line="138"/>
        <location filename="../../ui/views/compose.py" line="252"/>
        <source>Publish now</source>
        <translation>Jetzt veröffentlichen</translation>
    </message>
    <message>
        <location filename="../../ui/views/compose.py" line="139"/>
        <source>Schedule at</source>
        <translation>Planen für</translation>
    </message>
    <message>
        <location filename="../../ui/views/compose.py" line="160"/>
        <source>When</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <location filename="../../ui/views/compose.py" line="164"/>
        <source>Date and time:</source>
        <translation>Datum und Uhrzeit:</translation>
    </message>
    <message>
        <location filename="../../ui/views/compose.py" line="165"/>
        <source>Time zone:</source>
        <translation>Zeitzone:</translation>
    </message>
    <message>
        <location filename="../../ui/views/compose.py" line="169"/>
        <source>Campaign (optional)</source>
        <translation>Kampagne (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/views/compose.py" line="175"/>
        <source>Publish</source>
        <translation>Veröffentlichen</translation>
    </message>
    <message>
        <location filename="../../ui/views/compose.py" line="177"/>
        <source>Publish or schedule the post (Ctrl+Return)</source>
        <translation>Beitrag veröffentlichen oder planen (Strg+Eingabetaste)</translation>
    </message>
    <message>
        <location filename="../../ui/views/compose.py" line="200"/>
        <source>Compose</source>
        <translation>Verfassen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/compose.py" line="245"/>
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n Zeichen</numerusform>
            <numerusform>%n Zeichen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/compose.py" line="245"/>
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n Wort</numerusform>
            <numerusform>%n Wörter</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/compose.py" line="252"/>
        <source>Schedule</source>
        <translation>Planen</translation>
    </message>
    <message>
        <location filename="../../ui/views/compose.py" line="290"/>
        <source>&apos;%1&apos; is not a known time zone. Pick one from the list.</source>
        <translation>„%1“ ist keine bekannte Zeitzone. Wählen Sie eine aus der Liste.</translation>
    </message>
    <message>
        <location filename="../../ui/views/compose.py" line="316"/>
        <source>Scheduled for %1 (%2).</source>
        <translation>Geplant für %1 (%2).</translation>
    </message>
    <message>
        <location filename="../../ui/views/compose.py" line="318"/>
        <source>Publishing now to %2.</source>
        <translation>Wird jetzt auf %2 veröffentlicht.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="68"/>
        <source>Demo workspace</source>
        <translation>Demo-Arbeitsbereich</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="77"/>
        <location filename="../../ui/main_window.py" line="138"/>
        <source>Inbox</source>
        <translation>Posteingang</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="140"/>
        <source>&lt;p&gt;Every reply, mention, comment and message from all your channels in one place: answer from here, assign, tag and mark as done.&lt;/p&gt;&lt;p&gt;The inbox arrives together with the network channels (Mastodon, Bluesky, Matrix, WordPress). Feed folders receive no replies, so there is nothing to show yet.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Alle Antworten, Erwähnungen, Kommentare und Nachrichten aus all Ihren Kanälen an einem Ort: direkt von hier aus antworten, zuweisen, verschlagworten und als erledigt markieren.&lt;/p&gt;&lt;p&gt;Der Posteingang kommt zusammen mit den Netzwerkkanälen (Mastodon, Bluesky, Matrix, WordPress). Feed-Ordner erhalten keine Antworten, daher gibt es hier noch nichts anzuzeigen.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="78"/>
        <location filename="../../ui/main_window.py" line="147"/>
        <source>Analytics</source>
        <translation>Auswertung</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="149"/>
        <source>&lt;p&gt;Reach and engagement per post, channel and campaign over time, response times of the inbox, and the best time to post from your own history, with CSV and PDF export.&lt;/p&gt;&lt;p&gt;Metrics are read from the networks once network channels are connected; feed folders report none.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Reichweite und Interaktionen pro Beitrag, Kanal und Kampagne im Zeitverlauf, Antwortzeiten im Posteingang und die beste Zeit zum Veröffentlichen anhand Ihres bisherigen Verlaufs, mit Export als CSV und PDF.&lt;/p&gt;&lt;p&gt;Die Kennzahlen werden aus den Netzwerken gelesen, sobald Netzwerkkanäle verbunden sind; Feed-Ordner liefern keine.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="80"/>
        <location filename="../../ui/main_window.py" line="157"/>
        <source>Brand</source>
        <translation>Marke</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="159"/>
        <source>&lt;p&gt;Brand profiles keep every channel in one voice: signatures and hashtag sets per channel, banned and required words, tone checks, link tracking templates and image frames. The brand check runs while you write and again at approval.&lt;/p&gt;&lt;p&gt;This arrives with the next version of the composer.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Markenprofile sorgen dafür, dass alle Kanäle mit einer Stimme sprechen: Signaturen und Hashtag-Sets pro Kanal, verbotene und vorgeschriebene Wörter, Tonalitätsprüfungen, Vorlagen für Link-Tracking und Bildrahmen. Die Markenprüfung läuft während des Schreibens und erneut bei der Freigabe.&lt;/p&gt;&lt;p&gt;Diese Funktion kommt mit der nächsten Version des Editors.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="74"/>
        <source>Compose</source>
        <translation>Verfassen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="75"/>
        <source>Posts</source>
        <translation>Beiträge</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="76"/>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="79"/>
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="81"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="90"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="96"/>
        <source>Opening your workspace…</source>
        <translation>Ihr Arbeitsbereich wird geöffnet…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="222"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="223"/>
        <source>&amp;New post</source>
        <translation>&amp;Neuer Beitrag</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="227"/>
        <source>Add &amp;feed channel…</source>
        <translation>&amp;Feed-Kanal hinzufügen…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="230"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="235"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="241"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="242"/>
        <source>&amp;About Publisher</source>
        <translation>&amp;Über Publisher</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="245"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="272"/>
        <source>Post saved.</source>
        <translation>Beitrag gespeichert.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="289"/>
        <source>Publishing engine: starting…</source>
        <translation>Veröffentlichungsdienst: wird gestartet…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="292"/>
        <source>Publishing engine: running</source>
        <translation>Veröffentlichungsdienst: läuft</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="294"/>
        <source>Publishing engine: stopped — scheduled posts wait until it runs</source>
        <translation>Veröffentlichungsdienst: angehalten – geplante Beiträge warten, bis er läuft</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="296"/>
        <source>last run %1</source>
        <translation>letzter Lauf %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="298"/>
        <source>next %1</source>
        <translation>nächster Lauf %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="303"/>
        <source>%n delivery(s) need attention</source>
        <translation>
            <numerusform>%n Zustellung erfordert Aufmerksamkeit</numerusform>
            <numerusform>%n Zustellungen erfordern Aufmerksamkeit</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="311"/>
        <source>About Publisher</source>
        <translation>Über Publisher</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="313"/>
        <source>&lt;h3&gt;Publisher %1&lt;/h3&gt;&lt;p&gt;Draft once, publish to every channel in one brand voice, and answer every reply from one inbox.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Publisher %1&lt;/h3&gt;&lt;p&gt;Einmal verfassen, auf allen Kanälen mit einheitlicher Markenstimme veröffentlichen und alle Antworten aus einem Posteingang beantworten.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>PostListModel</name>
    <message>
        <location filename="../../ui/views/post_model.py" line="134"/>
        <source>Post</source>
        <translation>Beitrag</translation>
    </message>
    <message>
        <location filename="../../ui/views/post_model.py" line="135"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/post_model.py" line="136"/>
        <source>Scheduled</source>
        <comment>column header: when the post goes out</comment>
        <translation>Geplant für</translation>
    </message>
    <message>
        <location filename="../../ui/views/post_model.py" line="137"/>
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <location filename="../../ui/views/post_model.py" line="138"/>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <location filename="../../ui/views/post_model.py" line="158"/>
        <source>(untitled)</source>
        <translation>(ohne Titel)</translation>
    </message>
</context>
<context>
    <name>PostsView</name>
    <message>
        <location filename="../../ui/views/posts.py" line="64"/>
        <source>No posts yet. Write your first one under Compose (Ctrl+N).</source>
        <translation>Noch keine Beiträge. Schreiben Sie Ihren ersten unter „Verfassen“ (Strg+N).</translation>
    </message>
    <message>
        <location filename="../../ui/views/posts.py" line="88"/>
        <source>Send again</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <location filename="../../ui/views/posts.py" line="89"/>
        <source>Publish this channel&apos;s delivery again; other channels are not touched</source>
        <translation>Zustellung an diesen Kanal erneut veröffentlichen; andere Kanäle bleiben unberührt</translation>
    </message>
    <message>
        <location filename="../../ui/views/posts.py" line="91"/>
        <source>Open published post</source>
        <translation>Veröffentlichten Beitrag öffnen</translation>
    </message>
    <message>
        <location filename="../../ui/views/posts.py" line="122"/>
        <source>Posts</source>
        <translation>Beiträge</translation>
    </message>
    <message>
        <location filename="../../ui/views/posts.py" line="174"/>
        <source>(untitled)</source>
        <translation>(ohne Titel)</translation>
    </message>
    <message>
        <location filename="../../ui/views/posts.py" line="176"/>
        <source>%1 · created %2 by %3</source>
        <translation>%1 · erstellt am %2 von %3</translation>
    </message>
    <message>
        <location filename="../../ui/views/posts.py" line="186"/>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location filename="../../ui/views/posts.py" line="187"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/posts.py" line="188"/>
        <source>Scheduled</source>
        <comment>column header: when the post goes out</comment>
        <translation>Geplant für</translation>
    </message>
    <message>
        <location filename="../../ui/views/posts.py" line="189"/>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <location filename="../../ui/views/posts.py" line="190"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../../ui/views/posts.py" line="208"/>
        <source>Next try: %1</source>
        <translation>Nächster Versuch: %1</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../../ui/views/settings.py" line="24"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="33"/>
        <source>Storage</source>
        <translation>Datenspeicher</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="35"/>
        <source>Database:</source>
        <translation>Datenbank:</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="36"/>
        <source>Data folder:</source>
        <translation>Datenordner:</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="41"/>
        <source>Choose another database with --db URL or the PUBLISHER_DB environment variable; a team shares one PostgreSQL database.</source>
        <translation>Eine andere Datenbank wählen Sie mit --db URL oder der Umgebungsvariablen PUBLISHER_DB; ein Team nutzt gemeinsam eine PostgreSQL-Datenbank.</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="46"/>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="47"/>
        <source>Passwords and tokens</source>
        <translation>Passwörter und Token</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="49"/>
        <source>Keyring:</source>
        <translation>Schlüsselbund:</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="51"/>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="54"/>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="55"/>
        <source>set PUBLISHER_LANG=en or de to change it</source>
        <translation>zum Ändern PUBLISHER_LANG=en oder de setzen</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="57"/>
        <source>Time zone:</source>
        <translation>Zeitzone:</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="58"/>
        <source>Version:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="73"/>
        <source>%1 — secrets are stored here and nowhere else.</source>
        <translation>%1 – Zugangsdaten werden ausschließlich hier gespeichert.</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="78"/>
        <source>No usable keyring (%1). Channels that need a password or token cannot be added until one is installed and unlocked (e.g. GNOME Keyring or KWallet), or chosen with PYTHON_KEYRING_BACKEND.</source>
        <translation>Kein verwendbarer Schlüsselbund (%1). Kanäle, die ein Passwort oder Token benötigen, können erst hinzugefügt werden, wenn ein Schlüsselbund installiert und entsperrt (z. B. GNOME Keyring oder KWallet) oder mit PYTHON_KEYRING_BACKEND ausgewählt ist.</translation>
    </message>
</context>
<context>
    <name>_MonthCalendar</name>
    <message numerus="yes">
        <location filename="../../ui/views/calendar.py" line="73"/>
        <source>+%n more</source>
        <translation>
            <numerusform>+%n weiterer</numerusform>
            <numerusform>+%n weitere</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../ui/errors.py" line="16"/>
        <source>&apos;{url}&apos; is not a database URL. Use e.g. sqlite:///path/to/file.sqlite3.</source>
        <translation>„{url}“ ist keine Datenbank-URL. Verwenden Sie z. B. sqlite:///path/to/file.sqlite3.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="19"/>
        <source>The folder for the database file does not exist: {path}. Create it first.</source>
        <translation>Der Ordner für die Datenbankdatei existiert nicht: {path}. Legen Sie ihn zuerst an.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="22"/>
        <source>{path} is not a Publisher database. Choose another file; this one was left untouched.</source>
        <translation>{path} ist keine Publisher-Datenbank. Wählen Sie eine andere Datei; diese wurde nicht verändert.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="25"/>
        <source>This database was written by a newer Publisher (schema {revision}). Update Publisher; the database was left untouched.</source>
        <translation>Diese Datenbank wurde von einer neueren Publisher-Version geschrieben (Schema {revision}). Aktualisieren Sie Publisher; die Datenbank wurde nicht verändert.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="30"/>
        <source>{url} already holds tables that are not Publisher&apos;s. Choose an empty database.</source>
        <translation>{url} enthält bereits Tabellen, die nicht zu Publisher gehören. Wählen Sie eine leere Datenbank.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="33"/>
        <source>The database cannot be used: {reason}</source>
        <translation>Die Datenbank kann nicht verwendet werden: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="34"/>
        <source>No usable keyring was found. Publisher keeps passwords and tokens only in the system keyring: install and unlock one (e.g. GNOME Keyring or KWallet), or choose a backend with PYTHON_KEYRING_BACKEND.</source>
        <translation>Es wurde kein verwendbarer Schlüsselbund gefunden. Publisher speichert Passwörter und Token ausschließlich im Schlüsselbund des Systems: Installieren und entsperren Sie einen (z. B. GNOME Keyring oder KWallet) oder wählen Sie mit PYTHON_KEYRING_BACKEND ein Backend.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="40"/>
        <source>&apos;{value}&apos; is not a date and time.</source>
        <translation>„{value}“ ist keine gültige Angabe von Datum und Uhrzeit.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="41"/>
        <source>&apos;{value}&apos; has no UTC offset.</source>
        <translation>„{value}“ enthält keinen UTC-Versatz.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="42"/>
        <source>&apos;{zone}&apos; is not a known time zone.</source>
        <translation>„{zone}“ ist keine bekannte Zeitzone.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="43"/>
        <source>There is no channel kind &apos;{kind}&apos;.</source>
        <translation>Es gibt keinen Kanaltyp „{kind}“.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="44"/>
        <source>Give the channel a name.</source>
        <translation>Geben Sie dem Kanal einen Namen.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="45"/>
        <source>The channel name is too long (at most {max} characters).</source>
        <translation>Der Kanalname ist zu lang (höchstens {max} Zeichen).</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="48"/>
        <source>A channel named &apos;{name}&apos; exists already. Choose another name.</source>
        <translation>Ein Kanal namens „{name}“ existiert bereits. Wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="51"/>
        <source>There is no channel named &apos;{name}&apos;.</source>
        <translation>Es gibt keinen Kanal namens „{name}“.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="52"/>
        <source>&apos;{url}&apos; is not a web address. Use one starting with https://.</source>
        <translation>„{url}“ ist keine Webadresse. Verwenden Sie eine Adresse, die mit https:// beginnt.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="55"/>
        <source>The network no longer accepts the sign-in. Sign in to the channel again.</source>
        <translation>Das Netzwerk akzeptiert die Anmeldung nicht mehr. Melden Sie sich erneut beim Kanal an.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="58"/>
        <source>The network asks us to slow down; Publisher tries again later.</source>
        <translation>Das Netzwerk verlangt weniger Anfragen; Publisher versucht es später erneut.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="61"/>
        <source>The network refused the post.</source>
        <translation>Das Netzwerk hat den Beitrag abgelehnt.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="62"/>
        <source>The network could not be reached; Publisher tries again later.</source>
        <translation>Das Netzwerk ist nicht erreichbar; Publisher versucht es später erneut.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="65"/>
        <source>It is not known whether the network received the post.</source>
        <translation>Es ist nicht bekannt, ob das Netzwerk den Beitrag erhalten hat.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="68"/>
        <source>Choose the folder the feed is written to.</source>
        <translation>Wählen Sie den Ordner, in den der Feed geschrieben wird.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="69"/>
        <source>The folder {path} does not exist. Create it or choose another one.</source>
        <translation>Der Ordner {path} existiert nicht. Legen Sie ihn an oder wählen Sie einen anderen.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="72"/>
        <source>{path} is a file, not a folder. Choose a folder.</source>
        <translation>{path} ist eine Datei, kein Ordner. Wählen Sie einen Ordner.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="73"/>
        <source>Publisher may not write to {path}. Choose a folder you can write to or change its permissions.</source>
        <translation>Publisher darf nicht in {path} schreiben. Wählen Sie einen Ordner mit Schreibrechten oder passen Sie die Berechtigungen an.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="76"/>
        <source>Writing to {path} failed ({reason}); Publisher tries again later.</source>
        <translation>Schreiben in {path} fehlgeschlagen ({reason}); Publisher versucht es später erneut.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="79"/>
        <source>{path} is not an Atom feed Publisher can update. Move it away to start a new one.</source>
        <translation>{path} ist kein Atom-Feed, den Publisher aktualisieren kann. Verschieben Sie die Datei, um einen neuen Feed anzulegen.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="82"/>
        <source>The post is empty. Write something first.</source>
        <translation>Der Beitrag ist leer. Schreiben Sie zuerst etwas.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="83"/>
        <source>The post is longer than {max} characters.</source>
        <translation>Der Beitrag ist länger als {max} Zeichen.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="84"/>
        <source>The post contains a NUL character.</source>
        <translation>Der Beitrag enthält ein NUL-Zeichen.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="85"/>
        <source>Choose at least one channel to publish to.</source>
        <translation>Wählen Sie mindestens einen Kanal zum Veröffentlichen aus.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="86"/>
        <source>A channel is chosen twice.</source>
        <translation>Ein Kanal wurde doppelt ausgewählt.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="87"/>
        <source>The post no longer exists.</source>
        <translation>Der Beitrag existiert nicht mehr.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="88"/>
        <source>The post is being published right now; try again in a moment.</source>
        <translation>Der Beitrag wird gerade veröffentlicht; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="91"/>
        <source>The delivery no longer exists.</source>
        <translation>Die Zustellung existiert nicht mehr.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="92"/>
        <source>Only failed or unconfirmed deliveries can be sent again.</source>
        <translation>Nur fehlgeschlagene oder unbestätigte Zustellungen können erneut gesendet werden.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="95"/>
        <source>Publishing was interrupted and the network cannot tell whether the post arrived. Check the channel, then publish it again if it is missing.</source>
        <translation>Die Veröffentlichung wurde unterbrochen und das Netzwerk kann nicht angeben, ob der Beitrag angekommen ist. Prüfen Sie den Kanal und veröffentlichen Sie den Beitrag erneut, falls er fehlt.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="100"/>
        <source>Publisher hit an internal error while publishing ({reason}). Please report it.</source>
        <translation>Beim Veröffentlichen ist in Publisher ein interner Fehler aufgetreten ({reason}). Bitte melden Sie ihn.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="109"/>
        <source>Unexpected error ({code}).</source>
        <translation>Unerwarteter Fehler ({code}).</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="123"/>
        <source>Unexpected error: {error}</source>
        <translation>Unerwarteter Fehler: {error}</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../ui/labels.py" line="14"/>
        <location filename="../../ui/labels.py" line="29"/>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="15"/>
        <location filename="../../ui/labels.py" line="30"/>
        <source>In review</source>
        <translation>Zur Prüfung</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="16"/>
        <location filename="../../ui/labels.py" line="31"/>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="17"/>
        <location filename="../../ui/labels.py" line="32"/>
        <source>Scheduled</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="18"/>
        <location filename="../../ui/labels.py" line="33"/>
        <source>Publishing…</source>
        <translation>Wird veröffentlicht…</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="19"/>
        <location filename="../../ui/labels.py" line="34"/>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="20"/>
        <location filename="../../ui/labels.py" line="36"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="21"/>
        <source>Unconfirmed</source>
        <translation>Unbestätigt</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="22"/>
        <location filename="../../ui/labels.py" line="38"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="35"/>
        <source>Partly published</source>
        <translation>Teilweise veröffentlicht</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="37"/>
        <source>Needs attention</source>
        <translation>Handlungsbedarf</translation>
    </message>
</context>
</TS>
