<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AddChannelDialog</name>
    <message>
        <location filename="../../ui/views/channels.py" line="63"/>
        <source>Add feed channel</source>
        <translation>Feed-Kanal hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="65"/>
        <source>A feed channel writes each post as a Markdown file into a folder and keeps an Atom feed (feed.xml) there up to date. A static site or any feed reader can take it from there. No account needed.</source>
        <translation>Ein Feed-Kanal schreibt jeden Beitrag als Markdown-Datei in einen Ordner und hält dort einen Atom-Feed (feed.xml) aktuell. Eine statische Website oder jeder Feed-Reader kann die Inhalte von dort übernehmen. Kein Konto erforderlich.</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="70"/>
        <location filename="../../ui/views/channels.py" line="77"/>
        <source>Add %1 channel</source>
        <translation>%1-Kanal hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="79"/>
        <source>Publisher keeps the token or password in your system&apos;s keyring, never in its database.</source>
        <translation>Publisher bewahrt das Token oder Passwort im Schlüsselbund Ihres Systems auf, nie in seiner Datenbank.</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="84"/>
        <source>e.g. Company blog</source>
        <translation>z. B. Firmenblog</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="86"/>
        <source>Folder the posts are written to</source>
        <translation>Ordner, in den die Beiträge geschrieben werden</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="87"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="97"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="99"/>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="118"/>
        <source>Room:</source>
        <translation>Raum:</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="102"/>
        <source>https://www.example.org/news (optional)</source>
        <translation>https://www.example.org/news (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="72"/>
        <source>Sign in with an app password: in Bluesky open Settings &gt; Privacy and security &gt; App passwords and add one for Publisher. Publisher keeps it in your system&apos;s keyring, never in its database. Bluesky cannot schedule posts itself, so Publisher sends them at the planned time.</source>
        <translation>Melden Sie sich mit einem App-Passwort an: Öffnen Sie in Bluesky Einstellungen &gt; Datenschutz und Sicherheit &gt; App-Passwörter und legen Sie eines für Publisher an. Publisher bewahrt es im Schlüsselbund Ihres Systems auf, nie in seiner Datenbank. Bluesky kann Beiträge nicht selbst planen, daher sendet Publisher sie zur geplanten Zeit.</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="103"/>
        <source>Public address:</source>
        <translation>Öffentliche Adresse:</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="105"/>
        <source>Optional: your server, if the handle is not found</source>
        <translation>Optional: Ihr Server, falls das Handle nicht gefunden wird</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="106"/>
        <location filename="../../ui/views/channels.py" line="109"/>
        <source>Server address:</source>
        <translation>Serveradresse:</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="114"/>
        <source>Account:</source>
        <translation>Konto:</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="119"/>
        <source>Sign in with the browser…</source>
        <translation>Im Browser anmelden…</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="121"/>
        <source>Opens your server&apos;s sign-in page; Publisher receives a token and never sees your password.</source>
        <translation>Öffnet die Anmeldeseite Ihres Servers; Publisher erhält ein Zugangstoken und sieht Ihr Passwort nie.</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="130"/>
        <source>Token or password:</source>
        <translation>Token oder Passwort:</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="130"/>
        <source>App password:</source>
        <translation>App-Passwort:</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="136"/>
        <source>Add channel</source>
        <translation>Kanal hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="150"/>
        <source>Enter the server address first, e.g. https://mastodon.social.</source>
        <translation>Geben Sie zuerst die Serveradresse ein, z. B. https://mastodon.social.</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="154"/>
        <source>Publisher</source>
        <translation>Publisher</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="155"/>
        <source>Signed in. You can close this window and return to Publisher.</source>
        <translation>Angemeldet. Sie können dieses Fenster schließen und zu Publisher zurückkehren.</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="158"/>
        <source>Waiting for you to sign in in the browser…</source>
        <translation>Warte auf Ihre Anmeldung im Browser…</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="170"/>
        <source>Signed in. Press “Add channel” to finish.</source>
        <translation>Angemeldet. Klicken Sie zum Abschluss auf „Kanal hinzufügen“.</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="181"/>
        <source>Choose the feed folder</source>
        <translation>Feed-Ordner auswählen</translation>
    </message>
</context>
<context>
    <name>BrandView</name>
    <message>
        <location filename="../../ui/views/brand.py" line="80"/>
        <location filename="../../ui/views/brand.py" line="255"/>
        <source>New profile</source>
        <translation>Neues Profil</translation>
    </message>
    <message>
        <location filename="../../ui/views/brand.py" line="82"/>
        <source>Remove…</source>
        <translation>Entfernen…</translation>
    </message>
    <message>
        <location filename="../../ui/views/brand.py" line="84"/>
        <source>No brand profile yet. Create one to check every draft against it.</source>
        <translation>Noch kein Markenprofil. Legen Sie eines an, um jeden Entwurf daran zu prüfen.</translation>
    </message>
    <message>
        <location filename="../../ui/views/brand.py" line="98"/>
        <source>Use for new posts</source>
        <translation>Für neue Beiträge verwenden</translation>
    </message>
    <message>
        <location filename="../../ui/views/brand.py" line="99"/>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <location filename="../../ui/views/brand.py" line="101"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../ui/views/brand.py" line="105"/>
        <source>One word or phrase per line</source>
        <translation>Ein Wort oder eine Wendung pro Zeile</translation>
    </message>
    <message>
        <location filename="../../ui/views/brand.py" line="108"/>
        <source>e.g. #Anzeige — one per line</source>
        <translation>z. B. #Anzeige – eine pro Zeile</translation>
    </message>
    <message>
        <location filename="../../ui/views/brand.py" line="111"/>
        <source>Allowed</source>
        <translation>Erlaubt</translation>
    </message>
    <message>
        <location filename="../../ui/views/brand.py" line="112"/>
        <source>Limited</source>
        <translation>Begrenzt</translation>
    </message>
    <message>
        <location filename="../../ui/views/brand.py" line="113"/>
        <source>Not allowed</source>
        <translation>Nicht erlaubt</translation>
    </message>
    <message>
        <location filename="../../ui/views/brand.py" line="122"/>
        <source>at most</source>
        <translation>höchstens</translation>
    </message>
    <message>
        <location filename="../../ui/views/brand.py" line="126"/>
        <source>no limit</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <location filename="../../ui/views/brand.py" line="128"/>
        <source>Flag words written in capitals</source>
        <translation>Wörter in Großbuchstaben markieren</translation>
    </message>
    <message>
        <location filename="../../ui/views/brand.py" line="132"/>
        <source>letters or more</source>
        <translation>Buchstaben oder mehr</translation>
    </message>
    <message>
        <location filename="../../ui/views/brand.py" line="134"/>
        <source>Allowed abbreviations, separated by commas</source>
        <translation>Erlaubte Abkürzungen, durch Kommas getrennt</translation>
    </message>
    <message>
        <location filename="../../ui/views/brand.py" line="135"/>
        <source>Voice</source>
        <translation>Markenstimme</translation>
    </message>
    <message>
        <location filename="../../ui/views/brand.py" line="137"/>
        <source>Banned words:</source>
        <translation>Verbotene Wörter:</translation>
    </message>
    <message>
        <location filename="../../ui/views/brand.py" line="138"/>
        <source>Required wording:</source>
        <translation>Pflichtangaben:</translation>
    </message>
    <message>
        <location filename="../../ui/views/brand.py" line="139"/>
        <source>Emoji:</source>
        <translation>Emoji:</translation>
    </message>
    <message>
        <location filename="../../ui/views/brand.py" line="140"/>
        <source>Exclamation marks:</source>
        <translation>Ausrufezeichen:</translation>
    </message>
    <message>
        <location filename="../../ui/views/brand.py" line="142"/>
        <source>Capitals:</source>
        <translation>Großbuchstaben:</translation>
    </message>
    <message>
        <location filename="../../ui/views/brand.py" line="143"/>
        <source>Exceptions:</source>
        <translation>Ausnahmen:</translation>
    </message>
    <message>
        <location filename="../../ui/views/brand.py" line="146"/>
        <source>Signature</source>
        <translation>Signatur</translation>
    </message>
    <message>
        <location filename="../../ui/views/brand.py" line="146"/>
        <source>Hashtags</source>
        <translation>Hashtags</translation>
    </message>
    <message>
        <location filename="../../ui/views/brand.py" line="148"/>
        <source>All channels</source>
        <translation>Alle Kanäle</translation>
    </message>
    <message>
        <location filename="../../ui/views/brand.py" line="152"/>
        <source>Per channel</source>
        <translation>Pro Kanal</translation>
    </message>
    <message>
        <location filename="../../ui/views/brand.py" line="154"/>
        <source>A network&apos;s row overrides “All channels”. Hashtags are separated by spaces.</source>
        <translation>Die Zeile eines Netzwerks hat Vorrang vor „Alle Kanäle“. Hashtags werden durch Leerzeichen getrennt.</translation>
    </message>
    <message>
        <location filename="../../ui/views/brand.py" line="163"/>
        <source>Link tracking (UTM)</source>
        <translation>Link-Tracking (UTM)</translation>
    </message>
    <message>
        <location filename="../../ui/views/brand.py" line="166"/>
        <source>Added to every link on the way out, never twice. {kind}, {channel} and {campaign} are filled in.</source>
        <translation>Wird beim Senden an jeden Link angehängt, nie doppelt. {kind}, {channel} und {campaign} werden eingesetzt.</translation>
    </message>
    <message>
        <location filename="../../ui/views/brand.py" line="179"/>
        <source>e.g. © Example Ltd</source>
        <translation>z. B. © Beispiel GmbH</translation>
    </message>
    <message>
        <location filename="../../ui/views/brand.py" line="184"/>
        <source>Top left</source>
        <translation>Oben links</translation>
    </message>
    <message>
        <location filename="../../ui/views/brand.py" line="185"/>
        <source>Top right</source>
        <translation>Oben rechts</translation>
    </message>
    <message>
        <location filename="../../ui/views/brand.py" line="186"/>
        <source>Bottom left</source>
        <translation>Unten links</translation>
    </message>
    <message>
        <location filename="../../ui/views/brand.py" line="187"/>
        <source>Bottom right</source>
        <translation>Unten rechts</translation>
    </message>
    <message>
        <location filename="../../ui/views/brand.py" line="188"/>
        <source>Centre</source>
        <translation>Mitte</translation>
    </message>
    <message>
        <location filename="../../ui/views/brand.py" line="198"/>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <location filename="../../ui/views/brand.py" line="200"/>
        <source>Border:</source>
        <translation>Rahmen:</translation>
    </message>
    <message>
        <location filename="../../ui/views/brand.py" line="201"/>
        <source>Border colour:</source>
        <translation>Rahmenfarbe:</translation>
    </message>
    <message>
        <location filename="../../ui/views/brand.py" line="202"/>
        <source>Watermark:</source>
        <translation>Wasserzeichen:</translation>
    </message>
    <message>
        <location filename="../../ui/views/brand.py" line="203"/>
        <source>Position:</source>
        <translation>Position:</translation>
    </message>
    <message>
        <location filename="../../ui/views/brand.py" line="204"/>
        <source>Opacity:</source>
        <translation>Deckkraft:</translation>
    </message>
    <message>
        <location filename="../../ui/views/brand.py" line="208"/>
        <source>Save profile</source>
        <translation>Profil speichern</translation>
    </message>
    <message>
        <location filename="../../ui/views/brand.py" line="235"/>
        <source>Brand</source>
        <translation>Marke</translation>
    </message>
    <message>
        <location filename="../../ui/views/brand.py" line="360"/>
        <source>Used for new posts</source>
        <translation>Wird für neue Beiträge verwendet</translation>
    </message>
    <message>
        <location filename="../../ui/views/brand.py" line="385"/>
        <source>Profile &apos;%1&apos; saved.</source>
        <translation>Profil „%1“ gespeichert.</translation>
    </message>
    <message>
        <location filename="../../ui/views/brand.py" line="398"/>
        <source>Remove brand profile</source>
        <translation>Markenprofil entfernen</translation>
    </message>
    <message>
        <location filename="../../ui/views/brand.py" line="399"/>
        <source>Remove the brand profile &apos;%1&apos;? Posts keep their text.</source>
        <translation>Markenprofil „%1“ entfernen? Die Beiträge behalten ihren Text.</translation>
    </message>
    <message>
        <location filename="../../ui/views/brand.py" line="403"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../../ui/views/brand.py" line="417"/>
        <source>Profile &apos;%1&apos; removed.</source>
        <translation>Profil „%1“ entfernt.</translation>
    </message>
    <message>
        <location filename="../../ui/views/brand.py" line="422"/>
        <source>Border colour</source>
        <translation>Rahmenfarbe</translation>
    </message>
</context>
<context>
    <name>CalendarView</name>
    <message>
        <location filename="../../ui/views/calendar.py" line="152"/>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="158"/>
        <source>Previous (Page Up)</source>
        <translation>Zurück (Bild auf)</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="160"/>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="161"/>
        <source>Go to today (T)</source>
        <translation>Zu heute springen (T)</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="165"/>
        <source>Next (Page Down)</source>
        <translation>Weiter (Bild ab)</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="175"/>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="176"/>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="177"/>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="182"/>
        <source>%1 view (%2)</source>
        <translation>Ansicht %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="222"/>
        <source>Show all</source>
        <translation>Alle zeigen</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="228"/>
        <source>Queue slots…</source>
        <translation>Zeitfenster…</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="229"/>
        <source>Weekly time slots and audience time zone of a channel</source>
        <translation>Wöchentliche Zeitfenster und Zeitzone des Publikums eines Kanals</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="275"/>
        <location filename="../../ui/views/calendar.py" line="539"/>
        <source>No post selected</source>
        <translation>Kein Beitrag ausgewählt</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="278"/>
        <location filename="../../ui/views/calendar.py" line="540"/>
        <source>Select a post to see its channels, times and status.</source>
        <translation>Wählen Sie einen Beitrag, um seine Kanäle, Zeiten und seinen Status zu sehen.</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="283"/>
        <location filename="../../ui/views/calendar.py" line="569"/>
        <source>Open in post list</source>
        <translation>In der Beitragsliste öffnen</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="285"/>
        <location filename="../../ui/views/calendar.py" line="572"/>
        <source>Approve</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="287"/>
        <location filename="../../ui/views/calendar.py" line="574"/>
        <source>Send back…</source>
        <translation>Zurückgeben…</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="289"/>
        <location filename="../../ui/views/calendar.py" line="576"/>
        <source>Add to queue</source>
        <translation>In die Warteschlange</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="290"/>
        <source>Move it to each channel&apos;s next free queue slot</source>
        <translation>Auf das nächste freie Zeitfenster jedes Kanals verschieben</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="466"/>
        <location filename="../../ui/views/calendar.py" line="475"/>
        <source>No campaign</source>
        <translation>Ohne Kampagne</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="482"/>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="483"/>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="484"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="485"/>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="493"/>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="544"/>
        <source>(untitled)</source>
        <translation>(ohne Titel)</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="550"/>
        <source>The network already holds this post.</source>
        <translation>Das Netzwerk hält diesen Beitrag bereits vor.</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="551"/>
        <source>Workflow: %1</source>
        <translation>Freigabe: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="553"/>
        <source>Campaign: %1</source>
        <translation>Kampagne: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="555"/>
        <source>Author: %1</source>
        <translation>Autor: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="557"/>
        <source>Part of a recurring series.</source>
        <translation>Teil einer wiederkehrenden Serie.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/calendar.py" line="559"/>
        <source>Moving it moves it on all %n channels.</source>
        <translation>
            <numerusform>Verschieben betrifft ihn auf %n Kanal.</numerusform>
            <numerusform>Verschieben betrifft ihn auf allen %n Kanälen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="578"/>
        <source>Move one day later</source>
        <translation>Einen Tag später</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="578"/>
        <source>Move one day earlier</source>
        <translation>Einen Tag früher</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="604"/>
        <source>Only posts that have not gone out yet can be moved.</source>
        <translation>Nur Beiträge, die noch nicht veröffentlicht wurden, lassen sich verschieben.</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="630"/>
        <source>Move a post the network holds?</source>
        <translation>Einen vom Netzwerk vorgehaltenen Beitrag verschieben?</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="631"/>
        <source>The network already holds this post for %1; move it there too?</source>
        <translation>Das Netzwerk hält diesen Beitrag bereits für %1 vor. Auch dort verschieben?</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="633"/>
        <source>Publisher replaces the network&apos;s copy with one for %1.</source>
        <translation>Publisher ersetzt die Kopie im Netzwerk durch eine für %1.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/calendar.py" line="639"/>
        <source>All %n channels of the post move: %1.</source>
        <translation>
            <numerusform>Der %n Kanal des Beitrags wird verschoben: %1.</numerusform>
            <numerusform>Alle %n Kanäle des Beitrags werden verschoben: %1.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="642"/>
        <source>Move</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="652"/>
        <source>Nothing was moved.</source>
        <translation>Nichts wurde verschoben.</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="664"/>
        <source>Moved “%1” to %2.</source>
        <translation>„%1“ auf %2 verschoben.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/calendar.py" line="667"/>
        <source>All %n channels moved: %1.</source>
        <translation>
            <numerusform>%n Kanal verschoben: %1.</numerusform>
            <numerusform>Alle %n Kanäle verschoben: %1.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="686"/>
        <source>Approved “%1”.</source>
        <translation>„%1“ freigegeben.</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="702"/>
        <source>Sent “%1” back to its author.</source>
        <translation>„%1“ an den Autor zurückgegeben.</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="722"/>
        <source>Queued: %1.</source>
        <translation>In der Warteschlange: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="734"/>
        <source>Add a channel first; then give it queue slots.</source>
        <translation>Legen Sie zuerst einen Kanal an und geben Sie ihm dann Zeitfenster.</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="746"/>
        <source>Saved the queue of &apos;%1&apos;.</source>
        <translation>Warteschlange von „%1“ gespeichert.</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="784"/>
        <source>Times in %1</source>
        <translation>Zeiten in %1</translation>
    </message>
</context>
<context>
    <name>ChannelPanel</name>
    <message>
        <location filename="../../ui/views/preview.py" line="239"/>
        <source>Own text…</source>
        <translation>Eigener Text…</translation>
    </message>
    <message>
        <location filename="../../ui/views/preview.py" line="241"/>
        <source>Write a variant of the post for this channel</source>
        <translation>Für diesen Kanal einen eigenen Text des Beitrags schreiben</translation>
    </message>
    <message>
        <location filename="../../ui/views/preview.py" line="261"/>
        <location filename="../../ui/views/preview.py" line="262"/>
        <location filename="../../ui/views/preview.py" line="265"/>
        <source>characters</source>
        <translation>Zeichen</translation>
    </message>
    <message>
        <location filename="../../ui/views/preview.py" line="263"/>
        <source>characters (weighted)</source>
        <translation>Zeichen (gewichtet)</translation>
    </message>
    <message>
        <location filename="../../ui/views/preview.py" line="264"/>
        <source>bytes</source>
        <translation>Bytes</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/preview.py" line="274"/>
        <source>%n post(s) as a thread</source>
        <translation>
            <numerusform>%n Beitrag als Thread</numerusform>
            <numerusform>%n Beiträge als Thread</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/preview.py" line="291"/>
        <source>Blocks publishing</source>
        <translation>Verhindert das Veröffentlichen</translation>
    </message>
    <message>
        <location filename="../../ui/views/preview.py" line="291"/>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
</context>
<context>
    <name>ChannelsView</name>
    <message>
        <location filename="../../ui/views/channels.py" line="225"/>
        <source>No channels yet. Add a feed folder to start publishing.</source>
        <translation>Noch keine Kanäle. Fügen Sie einen Feed-Ordner hinzu, um mit dem Veröffentlichen zu beginnen.</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="229"/>
        <source>Add feed channel…</source>
        <translation>Feed-Kanal hinzufügen…</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="233"/>
        <source>Add network channel</source>
        <translation>Netzwerk-Kanal hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="243"/>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="248"/>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="255"/>
        <source>Remove…</source>
        <translation>Entfernen…</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="269"/>
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="306"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="306"/>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="293"/>
        <source>Not used yet</source>
        <translation>Noch nicht verwendet</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="245"/>
        <source>Queue…</source>
        <translation>Warteschlange…</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="246"/>
        <source>Weekly time slots for &quot;Add to queue&quot; and the audience&apos;s time zone</source>
        <translation>Wöchentliche Zeitfenster für „In die Warteschlange“ und die Zeitzone des Publikums</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="250"/>
        <source>Sign in again…</source>
        <translation>Erneut anmelden…</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="252"/>
        <source>Enter a new token or password for the channel; its waiting posts go out once it works</source>
        <translation>Neues Token oder Passwort für den Kanal eingeben; wartende Beiträge gehen raus, sobald es funktioniert</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="295"/>
        <source>Working</source>
        <translation>Funktioniert</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="297"/>
        <source>Needs sign-in again</source>
        <translation>Erneute Anmeldung nötig</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="299"/>
        <source>Rate-limited until %1</source>
        <translation>Gedrosselt bis %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="300"/>
        <source>Failing: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="306"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="306"/>
        <source>Account or folder</source>
        <translation>Konto oder Ordner</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="306"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="311"/>
        <source>Feed folder</source>
        <translation>Feed-Ordner</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="319"/>
        <source>Post-only: replies cannot be read through this channel</source>
        <translation>Nur Veröffentlichen: Antworten können über diesen Kanal nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="351"/>
        <source>Saved the queue of &apos;%1&apos;.</source>
        <translation>Warteschlange von „%1“ gespeichert.</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="366"/>
        <source>Channel &apos;%1&apos; added.</source>
        <translation>Kanal „%1“ hinzugefügt.</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="373"/>
        <location filename="../../ui/views/channels.py" line="396"/>
        <source>Testing &apos;%1&apos;…</source>
        <translation>„%1“ wird getestet…</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="386"/>
        <source>Sign in again</source>
        <translation>Erneut anmelden</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="387"/>
        <source>New access token, app password or password for &apos;%1&apos;:</source>
        <translation>Neues Zugriffstoken, App-Passwort oder Passwort für „%1“:</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="409"/>
        <source>&apos;%1&apos; works: writes to %2.</source>
        <translation>„%1“ funktioniert: schreibt in %2.</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="415"/>
        <source>Rename channel</source>
        <translation>Kanal umbenennen</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="415"/>
        <source>New name:</source>
        <translation>Neuer Name:</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="427"/>
        <source>&apos;%1&apos; is now called &apos;%2&apos;.</source>
        <translation>„%1“ heißt jetzt „%2“.</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="440"/>
        <source>Remove the channel &apos;%1&apos;? Files already published stay where they are.</source>
        <translation>Kanal „%1“ entfernen? Bereits veröffentlichte Dateien bleiben erhalten.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/channels.py" line="442"/>
        <source>%n post(s) not yet published to it will not be published.</source>
        <translation>
            <numerusform>%n Beitrag, der noch nicht in diesem Kanal veröffentlicht wurde, wird nicht mehr veröffentlicht.</numerusform>
            <numerusform>%n Beiträge, die noch nicht in diesem Kanal veröffentlicht wurden, werden nicht mehr veröffentlicht.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="444"/>
        <source>Remove channel</source>
        <translation>Kanal entfernen</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="446"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../../ui/views/channels.py" line="461"/>
        <source>Channel &apos;%1&apos; removed.</source>
        <translation>Kanal „%1“ entfernt.</translation>
    </message>
</context>
<context>
    <name>ComposeView</name>
    <message>
        <location filename="../../ui/views/compose.py" line="129"/>
        <source>Title (optional; used by blogs and feeds)</source>
        <translation>Titel (optional; für Blogs und Feeds)</translation>
    </message>
    <message>
        <location filename="../../ui/views/compose.py" line="131"/>
        <source>Write your post in Markdown…</source>
        <translation>Schreiben Sie Ihren Beitrag in Markdown…</translation>
    </message>
    <message>
        <location filename="../../ui/views/compose.py" line="140"/>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <location filename="../../ui/views/compose.py" line="155"/>
        <source>Preview for networks</source>
        <translation>Vorschau für Netzwerke</translation>
    </message>
    <message>
        <location filename="../../ui/views/compose.py" line="156"/>
        <source>See how the post fits networks you have no channel for yet</source>
        <translation>Sehen Sie, wie der Beitrag zu Netzwerken passt, für die Sie noch keinen Kanal haben</translation>
    </message>
    <message>
        <location filename="../../ui/views/compose.py" line="172"/>
        <source>Choose a channel below to see the post as it will appear there.</source>
        <translation>Wählen Sie unten einen Kanal, um den Beitrag so zu sehen, wie er dort erscheinen wird.</translation>
    </message>
    <message>
        <location filename="../../ui/views/compose.py" line="184"/>
        <source>Preview and checks</source>
        <translation>Vorschau und Prüfungen</translation>
    </message>
    <message>
        <location filename="../../ui/views/compose.py" line="198"/>
        <source>No channels yet. Add one under Channels first.</source>
        <translation>Noch keine Kanäle. Fügen Sie zuerst unter „Kanäle“ einen hinzu.</translation>
    </message>
    <message>
        <location filename="../../ui/views/compose.py" line="200"/>
        <source>Add channel…</source>
        <translation>Kanal hinzufügen…</translation>
    </message>
    <message>
        <location filename="../../ui/views/compose.py" line="202"/>
        <source>Publish to</source>
        <translation>Veröffentlichen auf</translation>
    </message>
    <message>
        <location filename="../../ui/views/compose.py" line="209"/>
        <location filename="../../ui/views/compose.py" line="504"/>
        <source>Publish now</source>
        <translation>Jetzt veröffentlichen</translation>
    </message>
    <message>
        <location filename="../../ui/views/compose.py" line="210"/>
        <source>Schedule at</source>
        <translation>Planen für</translation>
    </message>
    <message>
        <location filename="../../ui/views/compose.py" line="215"/>
        <source>Next queue slot</source>
        <translation>Nächstes Zeitfenster</translation>
    </message>
    <message>
        <location filename="../../ui/views/compose.py" line="216"/>
        <source>Each channel&apos;s next free slot in its queue (set under Calendar)</source>
        <translation>Das nächste freie Zeitfenster jedes Kanals (einzustellen im Kalender)</translation>
    </message>
    <message>
        <location filename="../../ui/views/compose.py" line="235"/>
        <source>When</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <location filename="../../ui/views/compose.py" line="240"/>
        <source>Time zone:</source>
        <translation>Zeitzone:</translation>
    </message>
    <message>
        <location filename="../../ui/views/compose.py" line="247"/>
        <source>Campaign (optional)</source>
        <translation>Kampagne (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/views/compose.py" line="249"/>
        <location filename="../../ui/views/compose.py" line="369"/>
        <source>No brand profile</source>
        <translation>Kein Markenprofil</translation>
    </message>
    <message>
        <location filename="../../ui/views/compose.py" line="251"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/views/compose.py" line="253"/>
        <source>Campaign:</source>
        <translation>Kampagne:</translation>
    </message>
    <message>
        <location filename="../../ui/views/compose.py" line="254"/>
        <source>Brand:</source>
        <translation>Marke:</translation>
    </message>
    <message>
        <location filename="../../ui/views/compose.py" line="260"/>
        <source>Publish</source>
        <translation>Veröffentlichen</translation>
    </message>
    <message>
        <location filename="../../ui/views/compose.py" line="262"/>
        <source>Publish or schedule the post (Ctrl+Return)</source>
        <translation>Beitrag veröffentlichen oder planen (Strg+Eingabetaste)</translation>
    </message>
    <message>
        <location filename="../../ui/views/compose.py" line="287"/>
        <source>Compose</source>
        <translation>Verfassen</translation>
    </message>
    <message>
        <location filename="../../ui/views/compose.py" line="434"/>
        <source>This draft is too long to check as you type (%1 characters). Posts take up to %2.</source>
        <translation>Dieser Entwurf ist zu lang für die Prüfung beim Tippen (%1 Zeichen). Beiträge dürfen bis zu %2 Zeichen lang sein.</translation>
    </message>
    <message>
        <location filename="../../ui/views/compose.py" line="467"/>
        <source>Your organisation</source>
        <translation>Ihre Organisation</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/compose.py" line="492"/>
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n Zeichen</numerusform>
            <numerusform>%n Zeichen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/compose.py" line="492"/>
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n Wort</numerusform>
            <numerusform>%n Wörter</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/compose.py" line="502"/>
        <source>Add to queue</source>
        <translation>In die Warteschlange</translation>
    </message>
    <message>
        <location filename="../../ui/views/compose.py" line="504"/>
        <source>Schedule</source>
        <translation>Planen</translation>
    </message>
    <message>
        <location filename="../../ui/views/compose.py" line="540"/>
        <source>Fix the problems that block publishing first. %1</source>
        <translation>Beheben Sie zuerst die Probleme, die das Veröffentlichen verhindern. %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/compose.py" line="554"/>
        <location filename="../../ui/views/compose.py" line="594"/>
        <source>&apos;%1&apos; is not a known time zone. Pick one from the list.</source>
        <translation>„%1“ ist keine bekannte Zeitzone. Wählen Sie eine aus der Liste.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/compose.py" line="612"/>
        <source>Created %n post(s) in the series.</source>
        <translation>
            <numerusform>%n Beitrag der Serie angelegt.</numerusform>
            <numerusform>%n Beiträge der Serie angelegt.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/compose.py" line="628"/>
        <source>Scheduled for %1 (%2).</source>
        <translation>Geplant für %1 (%2).</translation>
    </message>
    <message>
        <location filename="../../ui/views/compose.py" line="630"/>
        <source>Publishing now to %2.</source>
        <translation>Wird jetzt auf %2 veröffentlicht.</translation>
    </message>
</context>
<context>
    <name>ContactListModel</name>
    <message>
        <location filename="../../ui/views/contacts.py" line="117"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/views/contacts.py" line="117"/>
        <source>Handles</source>
        <translation>Kennungen</translation>
    </message>
    <message>
        <location filename="../../ui/views/contacts.py" line="117"/>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <location filename="../../ui/views/contacts.py" line="141"/>
        <source>Tags: %1</source>
        <translation>Schlagwörter: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/contacts.py" line="143"/>
        <source>Last message: %1</source>
        <translation>Letzte Nachricht: %1</translation>
    </message>
</context>
<context>
    <name>ContactsView</name>
    <message>
        <location filename="../../ui/views/contacts.py" line="265"/>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <location filename="../../ui/views/contacts.py" line="270"/>
        <source>Search name or handle</source>
        <translation>Name oder Kennung suchen</translation>
    </message>
    <message>
        <location filename="../../ui/views/contacts.py" line="274"/>
        <location filename="../../ui/views/contacts.py" line="463"/>
        <source>All tags</source>
        <translation>Alle Schlagwörter</translation>
    </message>
    <message>
        <location filename="../../ui/views/contacts.py" line="318"/>
        <source>Rename… (F2)</source>
        <translation>Umbenennen… (F2)</translation>
    </message>
    <message>
        <location filename="../../ui/views/contacts.py" line="320"/>
        <source>Merge with… (Ctrl+M)</source>
        <translation>Zusammenführen mit… (Strg+M)</translation>
    </message>
    <message>
        <location filename="../../ui/views/contacts.py" line="321"/>
        <source>This person writes from another handle too: show them as one contact</source>
        <translation>Diese Person schreibt auch unter einer anderen Kennung: als einen Kontakt zeigen</translation>
    </message>
    <message>
        <location filename="../../ui/views/contacts.py" line="338"/>
        <source>Split off</source>
        <translation>Abtrennen</translation>
    </message>
    <message>
        <location filename="../../ui/views/contacts.py" line="339"/>
        <source>This handle is someone else: show it as a contact of its own again</source>
        <translation>Diese Kennung gehört jemand anderem: wieder als eigenen Kontakt zeigen</translation>
    </message>
    <message>
        <location filename="../../ui/views/contacts.py" line="341"/>
        <source>Handles</source>
        <translation>Kennungen</translation>
    </message>
    <message>
        <location filename="../../ui/views/contacts.py" line="347"/>
        <source>e.g. press, vip (separate tags with commas)</source>
        <translation>z. B. Presse, VIP (Schlagwörter durch Kommas trennen)</translation>
    </message>
    <message>
        <location filename="../../ui/views/contacts.py" line="349"/>
        <source>Save tags</source>
        <translation>Schlagwörter speichern</translation>
    </message>
    <message>
        <location filename="../../ui/views/contacts.py" line="356"/>
        <source>What the team should know about this person</source>
        <translation>Was das Team über diese Person wissen sollte</translation>
    </message>
    <message>
        <location filename="../../ui/views/contacts.py" line="360"/>
        <source>Save notes (Ctrl+S)</source>
        <translation>Notizen speichern (Strg+S)</translation>
    </message>
    <message>
        <location filename="../../ui/views/contacts.py" line="369"/>
        <source>Tags:</source>
        <translation>Schlagwörter:</translation>
    </message>
    <message>
        <location filename="../../ui/views/contacts.py" line="382"/>
        <source>Double-click or press Enter to open the message in the inbox</source>
        <translation>Doppelklicken oder Eingabe drücken, um die Nachricht im Posteingang zu öffnen</translation>
    </message>
    <message>
        <location filename="../../ui/views/contacts.py" line="399"/>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <location filename="../../ui/views/contacts.py" line="406"/>
        <source>Select a contact to see every handle they write from, their messages, tags and notes. Contacts come from the inbox: everyone who writes to one of your channels is here.</source>
        <translation>Wählen Sie einen Kontakt, um alle Kennungen, unter denen die Person schreibt, ihre Nachrichten, Schlagwörter und Notizen zu sehen. Kontakte kommen aus dem Posteingang: Wer einem Ihrer Kanäle schreibt, steht hier.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/contacts.py" line="477"/>
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n Kontakt</numerusform>
            <numerusform>%n Kontakte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/contacts.py" line="546"/>
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n Nachricht</numerusform>
            <numerusform>%n Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/contacts.py" line="549"/>
        <source>first %1, last %2</source>
        <translation>zuerst %1, zuletzt %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/contacts.py" line="556"/>
        <source>on the network: %1</source>
        <translation>im Netzwerk: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/contacts.py" line="561"/>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <location filename="../../ui/views/contacts.py" line="561"/>
        <source>Handle</source>
        <translation>Kennung</translation>
    </message>
    <message>
        <location filename="../../ui/views/contacts.py" line="561"/>
        <source>Name on the network</source>
        <translation>Name im Netzwerk</translation>
    </message>
    <message>
        <location filename="../../ui/views/contacts.py" line="561"/>
        <location filename="../../ui/views/contacts.py" line="617"/>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <location filename="../../ui/views/contacts.py" line="594"/>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <location filename="../../ui/views/contacts.py" line="594"/>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location filename="../../ui/views/contacts.py" line="594"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../../ui/views/contacts.py" line="594"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/contacts.py" line="594"/>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <location filename="../../ui/views/contacts.py" line="612"/>
        <source>Messages (the newest %1 of %2)</source>
        <translation>Nachrichten (die neuesten %1 von %2)</translation>
    </message>
    <message>
        <location filename="../../ui/views/contacts.py" line="640"/>
        <source>%1 characters, at most %2</source>
        <translation>%1 Zeichen, höchstens %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/contacts.py" line="642"/>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <location filename="../../ui/views/contacts.py" line="673"/>
        <source>Tags saved.</source>
        <translation>Schlagwörter gespeichert.</translation>
    </message>
    <message>
        <location filename="../../ui/views/contacts.py" line="680"/>
        <source>Notes saved.</source>
        <translation>Notizen gespeichert.</translation>
    </message>
    <message>
        <location filename="../../ui/views/contacts.py" line="688"/>
        <source>Rename contact</source>
        <translation>Kontakt umbenennen</translation>
    </message>
    <message>
        <location filename="../../ui/views/contacts.py" line="689"/>
        <source>Your name for this contact (empty: the name from the network):</source>
        <translation>Ihr Name für diesen Kontakt (leer: der Name aus dem Netzwerk):</translation>
    </message>
    <message>
        <location filename="../../ui/views/contacts.py" line="695"/>
        <source>Name saved.</source>
        <translation>Name gespeichert.</translation>
    </message>
    <message>
        <location filename="../../ui/views/contacts.py" line="717"/>
        <source>Contacts merged.</source>
        <translation>Kontakte zusammengeführt.</translation>
    </message>
    <message>
        <location filename="../../ui/views/contacts.py" line="732"/>
        <source>Handle split off: it is a contact of its own again.</source>
        <translation>Kennung abgetrennt: Sie ist wieder ein eigener Kontakt.</translation>
    </message>
</context>
<context>
    <name>InboxListModel</name>
    <message>
        <location filename="../../ui/views/inbox_model.py" line="111"/>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox_model.py" line="112"/>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox_model.py" line="113"/>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox_model.py" line="114"/>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox_model.py" line="115"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox_model.py" line="116"/>
        <source>Sentiment</source>
        <translation>Stimmung</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox_model.py" line="117"/>
        <source>Assigned to</source>
        <translation>Zugewiesen an</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox_model.py" line="184"/>
        <source>(deleted)</source>
        <translation>(gelöscht)</translation>
    </message>
</context>
<context>
    <name>InboxView</name>
    <message>
        <location filename="../../ui/views/inbox.py" line="118"/>
        <source>Inbox</source>
        <translation>Posteingang</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="123"/>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="124"/>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="125"/>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="127"/>
        <location filename="../../ui/views/inbox.py" line="415"/>
        <source>All channels</source>
        <translation>Alle Kanäle</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="129"/>
        <source>Any sentiment</source>
        <translation>Jede Stimmung</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="133"/>
        <source>All kinds</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="137"/>
        <location filename="../../ui/views/inbox.py" line="416"/>
        <source>All campaigns</source>
        <translation>Alle Kampagnen</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="144"/>
        <source>Any time</source>
        <translation>Jederzeit</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="145"/>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="146"/>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="147"/>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="148"/>
        <source>Between…</source>
        <translation>Zwischen…</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="160"/>
        <source>Received on or after this day</source>
        <translation>Empfangen an oder nach diesem Tag</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="161"/>
        <source>Received on or before this day</source>
        <translation>Empfangen an oder vor diesem Tag</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="163"/>
        <source>Tag</source>
        <translation>Schlagwort</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="166"/>
        <source>Search messages and authors</source>
        <translation>Nachrichten und Autoren suchen</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="168"/>
        <source>Sync now</source>
        <translation>Jetzt abrufen</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="169"/>
        <source>Fetch new replies, mentions, comments and messages from every channel</source>
        <translation>Neue Antworten, Erwähnungen, Kommentare und Nachrichten von allen Kanälen abrufen</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="258"/>
        <location filename="../../ui/views/inbox.py" line="628"/>
        <source>Mark done (E)</source>
        <translation>Erledigt (E)</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="259"/>
        <source>Assign… (A)</source>
        <translation>Zuweisen… (A)</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="260"/>
        <source>Add tag…</source>
        <translation>Schlagwort…</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="261"/>
        <source>Contact…</source>
        <translation>Kontakt…</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="262"/>
        <source>The person behind this message: their history, tags and notes</source>
        <translation>Die Person hinter dieser Nachricht: Verlauf, Schlagwörter und Notizen</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="275"/>
        <source>Write a reply (R), send with Ctrl+Return</source>
        <translation>Antwort schreiben (R), senden mit Strg+Eingabe</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="279"/>
        <source>Send reply</source>
        <translation>Antwort senden</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="280"/>
        <location filename="../../ui/views/inbox.py" line="742"/>
        <source>Send reply (Ctrl+Return)</source>
        <translation>Antwort senden (Strg+Eingabe)</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="293"/>
        <source>Saved replies</source>
        <translation>Gespeicherte Antworten</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="294"/>
        <source>Insert a saved reply; {name} and the other placeholders are filled in</source>
        <translation>Eine gespeicherte Antwort einfügen; {name} und die anderen Platzhalter werden ausgefüllt</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="315"/>
        <source>Select a message to read the conversation and answer.</source>
        <translation>Wählen Sie eine Nachricht, um das Gespräch zu lesen und zu antworten.</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="420"/>
        <source>Unassigned</source>
        <translation>Nicht zugewiesen</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="422"/>
        <source>Me (%1)</source>
        <translation>Ich (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="424"/>
        <source>Anyone</source>
        <translation>Alle Personen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/inbox.py" line="504"/>
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n Nachricht</numerusform>
            <numerusform>%n Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="506"/>
        <source>Counting messages…</source>
        <translation>Nachrichten werden gezählt…</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="622"/>
        <source>assigned to %1</source>
        <translation>zugewiesen an %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="624"/>
        <source>tags: %1</source>
        <translation>Schlagwörter: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="626"/>
        <source>campaign: %1</source>
        <translation>Kampagne: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="628"/>
        <source>Reopen (E)</source>
        <translation>Wieder öffnen (E)</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="635"/>
        <source>Our post</source>
        <translation>Unser Beitrag</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="635"/>
        <source>Our reply</source>
        <translation>Unsere Antwort</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="635"/>
        <source>On the network:</source>
        <translation>Im Netzwerk:</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="670"/>
        <source>sent %1</source>
        <translation>gesendet %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="672"/>
        <source>not sent: %1</source>
        <translation>nicht gesendet: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="673"/>
        <source>sending…</source>
        <translation>wird gesendet…</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="677"/>
        <source>Link target: %1</source>
        <translation>Linkziel: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/inbox.py" line="689"/>
        <location filename="../../ui/views/inbox.py" line="696"/>
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n Zeichen</numerusform>
            <numerusform>%n Zeichen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="698"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="726"/>
        <source>Blocks sending</source>
        <translation>Verhindert das Senden</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="726"/>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="742"/>
        <source>Fix the problems that block sending first</source>
        <translation>Beheben Sie zuerst die Probleme, die das Senden verhindern</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="774"/>
        <source>Reply sent.</source>
        <translation>Antwort gesendet.</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="821"/>
        <source>Nobody</source>
        <translation>Niemand</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="828"/>
        <source>Assign</source>
        <translation>Zuweisen</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="829"/>
        <source>Assign this message to a teammate (or type a login name):</source>
        <translation>Diese Nachricht einer Person im Team zuweisen (oder einen Anmeldenamen eingeben):</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="847"/>
        <source>Add tag</source>
        <translation>Schlagwort hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="847"/>
        <source>Tag:</source>
        <translation>Schlagwort:</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="869"/>
        <source>No saved replies yet</source>
        <translation>Noch keine gespeicherten Antworten</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="872"/>
        <source>Save this reply for later…</source>
        <translation>Diese Antwort für später speichern…</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="875"/>
        <source>Manage saved replies…</source>
        <translation>Gespeicherte Antworten verwalten…</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="951"/>
        <source>Syncing…</source>
        <translation>Wird abgerufen…</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="958"/>
        <source>No channel with an inbox is connected.</source>
        <translation>Kein Kanal mit Posteingang ist verbunden.</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="967"/>
        <source>%1 new, %2 updated</source>
        <translation>%1 neu, %2 aktualisiert</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="78"/>
        <source>Demo workspace</source>
        <translation>Demo-Arbeitsbereich</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="87"/>
        <location filename="../../ui/main_window.py" line="366"/>
        <source>Inbox</source>
        <translation>Posteingang</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="89"/>
        <location filename="../../ui/main_window.py" line="151"/>
        <source>Analytics</source>
        <translation>Auswertung</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="153"/>
        <source>&lt;p&gt;Reach and engagement per post, channel and campaign over time, response times of the inbox, and the best time to post from your own history, with CSV and PDF export.&lt;/p&gt;&lt;p&gt;Metrics are read from the networks once network channels are connected; feed folders report none.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Reichweite und Interaktionen pro Beitrag, Kanal und Kampagne im Zeitverlauf, Antwortzeiten im Posteingang und die beste Zeit zum Veröffentlichen anhand Ihres bisherigen Verlaufs, mit Export als CSV und PDF.&lt;/p&gt;&lt;p&gt;Die Kennzahlen werden aus den Netzwerken gelesen, sobald Netzwerkkanäle verbunden sind; Feed-Ordner liefern keine.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="91"/>
        <source>Brand</source>
        <translation>Marke</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="84"/>
        <source>Compose</source>
        <translation>Verfassen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="85"/>
        <source>Posts</source>
        <translation>Beiträge</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="86"/>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="88"/>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="90"/>
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="92"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="101"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="107"/>
        <source>Opening your workspace…</source>
        <translation>Ihr Arbeitsbereich wird geöffnet…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="302"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="303"/>
        <source>&amp;New post</source>
        <translation>&amp;Neuer Beitrag</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="307"/>
        <source>Add &amp;feed channel…</source>
        <translation>&amp;Feed-Kanal hinzufügen…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="310"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="315"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="321"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="322"/>
        <source>&amp;About Publisher</source>
        <translation>&amp;Über Publisher</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="325"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="355"/>
        <source>Post saved.</source>
        <translation>Beitrag gespeichert.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="369"/>
        <source>Inbox: %n unread message(s)</source>
        <translation>
            <numerusform>Posteingang: %n ungelesene Nachricht</numerusform>
            <numerusform>Posteingang: %n ungelesene Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="379"/>
        <source>Publishing engine: starting…</source>
        <translation>Veröffentlichungsdienst: wird gestartet…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="382"/>
        <source>Publishing engine: running</source>
        <translation>Veröffentlichungsdienst: läuft</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="384"/>
        <source>Publishing engine: stopped — scheduled posts wait until it runs</source>
        <translation>Veröffentlichungsdienst: angehalten – geplante Beiträge warten, bis er läuft</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="386"/>
        <source>last run %1</source>
        <translation>letzter Lauf %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="388"/>
        <source>next %1</source>
        <translation>nächster Lauf %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="393"/>
        <source>%n delivery(s) need attention</source>
        <translation>
            <numerusform>%n Zustellung erfordert Aufmerksamkeit</numerusform>
            <numerusform>%n Zustellungen erfordern Aufmerksamkeit</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="401"/>
        <source>About Publisher</source>
        <translation>Über Publisher</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="403"/>
        <source>&lt;h3&gt;Publisher %1&lt;/h3&gt;&lt;p&gt;Draft once, publish to every channel in one brand voice, and answer every reply from one inbox.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Publisher %1&lt;/h3&gt;&lt;p&gt;Einmal verfassen, auf allen Kanälen mit einheitlicher Markenstimme veröffentlichen und alle Antworten aus einem Posteingang beantworten.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="413"/>
        <source>Publishing due posts now…</source>
        <translation>Fällige Beiträge werden jetzt veröffentlicht…</translation>
    </message>
</context>
<context>
    <name>MediaStrip</name>
    <message>
        <location filename="../../ui/views/media_strip.py" line="95"/>
        <source>Drop images or videos here</source>
        <translation>Bilder oder Videos hier ablegen</translation>
    </message>
    <message>
        <location filename="../../ui/views/media_strip.py" line="98"/>
        <source>Drop images or videos here, or add them with the button.</source>
        <translation>Bilder oder Videos hier ablegen oder per Schaltfläche hinzufügen.</translation>
    </message>
    <message>
        <location filename="../../ui/views/media_strip.py" line="100"/>
        <source>Add media…</source>
        <translation>Medien hinzufügen…</translation>
    </message>
    <message>
        <location filename="../../ui/views/media_strip.py" line="102"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../../ui/views/media_strip.py" line="105"/>
        <source>Alt text: describe the image for people who cannot see it</source>
        <translation>Alternativtext: Beschreiben Sie das Bild für Menschen, die es nicht sehen können</translation>
    </message>
    <message>
        <location filename="../../ui/views/media_strip.py" line="153"/>
        <location filename="../../ui/views/media_strip.py" line="168"/>
        <source>No alt text yet</source>
        <translation>Noch kein Alternativtext</translation>
    </message>
    <message>
        <location filename="../../ui/views/media_strip.py" line="163"/>
        <source>%1 is attached already.</source>
        <translation>%1 ist bereits angehängt.</translation>
    </message>
    <message>
        <location filename="../../ui/views/media_strip.py" line="179"/>
        <source>Add media</source>
        <translation>Medien hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/views/media_strip.py" line="181"/>
        <source>Images and videos (*.png *.jpg *.jpeg *.gif *.webp *.mp4 *.mov *.webm);;All files (*)</source>
        <translation>Bilder und Videos (*.png *.jpg *.jpeg *.gif *.webp *.mp4 *.mov *.webm);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>MediaThumb</name>
    <message>
        <location filename="../../ui/views/preview.py" line="100"/>
        <source>No alt text</source>
        <translation>Kein Alternativtext</translation>
    </message>
    <message>
        <location filename="../../ui/views/preview.py" line="106"/>
        <source>ALT</source>
        <translation>ALT</translation>
    </message>
    <message>
        <location filename="../../ui/views/preview.py" line="106"/>
        <source>NO ALT</source>
        <translation>OHNE ALT</translation>
    </message>
</context>
<context>
    <name>MergeContactDialog</name>
    <message>
        <location filename="../../ui/views/contacts.py" line="161"/>
        <source>Merge with…</source>
        <translation>Zusammenführen mit…</translation>
    </message>
    <message>
        <location filename="../../ui/views/contacts.py" line="164"/>
        <source>Choose the contact that is the same person as %1. Their handles, messages, tags and notes are shown together from then on; you can split a handle off again at any time.</source>
        <translation>Wählen Sie den Kontakt, der dieselbe Person ist wie %1. Kennungen, Nachrichten, Schlagwörter und Notizen werden danach zusammen gezeigt; Sie können eine Kennung jederzeit wieder abtrennen.</translation>
    </message>
    <message>
        <location filename="../../ui/views/contacts.py" line="171"/>
        <source>Search name or handle</source>
        <translation>Name oder Kennung suchen</translation>
    </message>
    <message>
        <location filename="../../ui/views/contacts.py" line="183"/>
        <source>Merge</source>
        <translation>Zusammenführen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/contacts.py" line="225"/>
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n Nachricht</numerusform>
            <numerusform>%n Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/contacts.py" line="227"/>
        <source>No other contact matches.</source>
        <translation>Kein anderer Kontakt passt.</translation>
    </message>
</context>
<context>
    <name>MonthGrid</name>
    <message numerus="yes">
        <location filename="../../ui/views/calendar_grids.py" line="382"/>
        <source>+%n more</source>
        <translation>
            <numerusform>+%n weiterer</numerusform>
            <numerusform>+%n weitere</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PostListModel</name>
    <message>
        <location filename="../../ui/views/post_model.py" line="47"/>
        <source>Post</source>
        <translation>Beitrag</translation>
    </message>
    <message>
        <location filename="../../ui/views/post_model.py" line="48"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/post_model.py" line="49"/>
        <source>Scheduled</source>
        <comment>column header: when the post goes out</comment>
        <translation>Geplant für</translation>
    </message>
    <message>
        <location filename="../../ui/views/post_model.py" line="50"/>
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <location filename="../../ui/views/post_model.py" line="51"/>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <location filename="../../ui/views/post_model.py" line="71"/>
        <source>(untitled)</source>
        <translation>(ohne Titel)</translation>
    </message>
</context>
<context>
    <name>PostPreview</name>
    <message>
        <location filename="../../ui/views/preview.py" line="208"/>
        <source>Link preview</source>
        <translation>Linkvorschau</translation>
    </message>
</context>
<context>
    <name>PostsView</name>
    <message>
        <location filename="../../ui/views/posts.py" line="70"/>
        <source>No posts yet. Write your first one under Compose (Ctrl+N).</source>
        <translation>Noch keine Beiträge. Schreiben Sie Ihren ersten unter „Verfassen“ (Strg+N).</translation>
    </message>
    <message>
        <location filename="../../ui/views/posts.py" line="94"/>
        <source>Send again</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <location filename="../../ui/views/posts.py" line="95"/>
        <source>Publish this channel&apos;s delivery again; other channels are not touched</source>
        <translation>Zustellung an diesen Kanal erneut veröffentlichen; andere Kanäle bleiben unberührt</translation>
    </message>
    <message>
        <location filename="../../ui/views/posts.py" line="97"/>
        <source>Open published post</source>
        <translation>Veröffentlichten Beitrag öffnen</translation>
    </message>
    <message>
        <location filename="../../ui/views/posts.py" line="99"/>
        <source>It is there…</source>
        <translation>Ist angekommen…</translation>
    </message>
    <message>
        <location filename="../../ui/views/posts.py" line="101"/>
        <source>The post did arrive: record it as published by pasting its address from the network</source>
        <translation>Der Beitrag ist angekommen: als veröffentlicht vermerken, indem Sie seine Adresse aus dem Netzwerk einfügen</translation>
    </message>
    <message>
        <location filename="../../ui/views/posts.py" line="113"/>
        <source>Submit for review</source>
        <translation>Zur Freigabe einreichen</translation>
    </message>
    <message>
        <location filename="../../ui/views/posts.py" line="115"/>
        <source>Approve</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <location filename="../../ui/views/posts.py" line="116"/>
        <source>Approve the post: it is scheduled on every channel (Ctrl+Return)</source>
        <translation>Beitrag freigeben: Er wird auf allen Kanälen eingeplant (Strg+Eingabe)</translation>
    </message>
    <message>
        <location filename="../../ui/views/posts.py" line="119"/>
        <source>Send back…</source>
        <translation>Zurückgeben…</translation>
    </message>
    <message>
        <location filename="../../ui/views/posts.py" line="121"/>
        <source>Edit text…</source>
        <translation>Text bearbeiten…</translation>
    </message>
    <message>
        <location filename="../../ui/views/posts.py" line="123"/>
        <source>Change the text on every channel it has not reached yet; a network&apos;s scheduled copy is replaced</source>
        <translation>Den Text auf allen Kanälen ändern, die er noch nicht erreicht hat; eine im Netzwerk eingeplante Kopie wird ersetzt</translation>
    </message>
    <message>
        <location filename="../../ui/views/posts.py" line="126"/>
        <source>Cancel post…</source>
        <translation>Beitrag absagen…</translation>
    </message>
    <message>
        <location filename="../../ui/views/posts.py" line="127"/>
        <source>Cancel what has not gone out yet, on every channel</source>
        <translation>Absagen, was noch nicht veröffentlicht ist, auf allen Kanälen</translation>
    </message>
    <message>
        <location filename="../../ui/views/posts.py" line="140"/>
        <source>Add a comment for the review thread and press Enter</source>
        <translation>Kommentar für die Freigabe-Diskussion schreiben und Eingabe drücken</translation>
    </message>
    <message>
        <location filename="../../ui/views/posts.py" line="168"/>
        <source>Posts</source>
        <translation>Beiträge</translation>
    </message>
    <message>
        <location filename="../../ui/views/posts.py" line="221"/>
        <source>(untitled)</source>
        <translation>(ohne Titel)</translation>
    </message>
    <message>
        <location filename="../../ui/views/posts.py" line="223"/>
        <source>%1 · created %2 by %3</source>
        <translation>%1 · erstellt am %2 von %3</translation>
    </message>
    <message>
        <location filename="../../ui/views/posts.py" line="233"/>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location filename="../../ui/views/posts.py" line="234"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/posts.py" line="235"/>
        <source>Scheduled</source>
        <comment>column header: when the post goes out</comment>
        <translation>Geplant für</translation>
    </message>
    <message>
        <location filename="../../ui/views/posts.py" line="236"/>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <location filename="../../ui/views/posts.py" line="237"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../../ui/views/posts.py" line="257"/>
        <source>submitted it for review</source>
        <translation>hat ihn zur Freigabe eingereicht</translation>
    </message>
    <message>
        <location filename="../../ui/views/posts.py" line="258"/>
        <source>approved it</source>
        <translation>hat ihn freigegeben</translation>
    </message>
    <message>
        <location filename="../../ui/views/posts.py" line="259"/>
        <source>sent it back</source>
        <translation>hat ihn zurückgegeben</translation>
    </message>
    <message>
        <location filename="../../ui/views/posts.py" line="260"/>
        <source>took it back to draft</source>
        <translation>hat ihn wieder zum Entwurf gemacht</translation>
    </message>
    <message>
        <location filename="../../ui/views/posts.py" line="261"/>
        <source>commented</source>
        <translation>hat kommentiert</translation>
    </message>
    <message>
        <location filename="../../ui/views/posts.py" line="262"/>
        <source>edited the text</source>
        <translation>hat den Text bearbeitet</translation>
    </message>
    <message>
        <location filename="../../ui/views/posts.py" line="280"/>
        <source>Next try: %1</source>
        <translation>Nächster Versuch: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/posts.py" line="359"/>
        <source>Send back</source>
        <translation>Zurückgeben</translation>
    </message>
    <message>
        <location filename="../../ui/views/posts.py" line="359"/>
        <source>What should the author change?</source>
        <translation>Was soll die Autorin oder der Autor ändern?</translation>
    </message>
    <message>
        <location filename="../../ui/views/posts.py" line="366"/>
        <source>Cancel post</source>
        <translation>Beitrag absagen</translation>
    </message>
    <message>
        <location filename="../../ui/views/posts.py" line="368"/>
        <source>Cancel this post on every channel it has not reached yet? Copies a network holds for later are withdrawn there too. What is published stays published.</source>
        <translation>Diesen Beitrag auf allen Kanälen absagen, die er noch nicht erreicht hat? Kopien, die ein Netzwerk für später bereithält, werden dort ebenfalls zurückgezogen. Bereits Veröffentlichtes bleibt veröffentlicht.</translation>
    </message>
    <message>
        <location filename="../../ui/views/posts.py" line="381"/>
        <source>Edit text</source>
        <translation>Text bearbeiten</translation>
    </message>
    <message>
        <location filename="../../ui/views/posts.py" line="381"/>
        <source>Text of the post (Markdown):</source>
        <translation>Text des Beitrags (Markdown):</translation>
    </message>
    <message>
        <location filename="../../ui/views/posts.py" line="417"/>
        <source>It is there</source>
        <translation>Ist angekommen</translation>
    </message>
    <message>
        <location filename="../../ui/views/posts.py" line="418"/>
        <source>Paste the address of the post on the network; Publisher records it as published:</source>
        <translation>Fügen Sie die Adresse des Beitrags im Netzwerk ein; Publisher vermerkt ihn als veröffentlicht:</translation>
    </message>
</context>
<context>
    <name>QueueSlotDialog</name>
    <message>
        <location filename="../../ui/views/queue_slots.py" line="74"/>
        <source>Queue and audience</source>
        <translation>Warteschlange und Publikum</translation>
    </message>
    <message>
        <location filename="../../ui/views/queue_slots.py" line="77"/>
        <source>&quot;Add to queue&quot; puts a post in the channel&apos;s next free slot. Each slot is a weekday and a time on the clock of its time zone, so it stays put when summer time starts or ends.</source>
        <translation>„In die Warteschlange“ legt einen Beitrag in das nächste freie Zeitfenster des Kanals. Jedes Zeitfenster ist ein Wochentag und eine Uhrzeit in seiner Zeitzone und bleibt daher an seinem Platz, wenn die Sommerzeit beginnt oder endet.</translation>
    </message>
    <message>
        <location filename="../../ui/views/queue_slots.py" line="89"/>
        <source>Where most of the channel&apos;s readers live; the calendar shows times there beside yours.</source>
        <translation>Wo die meisten Leser des Kanals leben; der Kalender zeigt die Zeit dort neben Ihrer.</translation>
    </message>
    <message>
        <location filename="../../ui/views/queue_slots.py" line="92"/>
        <source>Channel:</source>
        <translation>Kanal:</translation>
    </message>
    <message>
        <location filename="../../ui/views/queue_slots.py" line="93"/>
        <source>Audience time zone:</source>
        <translation>Zeitzone des Publikums:</translation>
    </message>
    <message>
        <location filename="../../ui/views/queue_slots.py" line="109"/>
        <source>Add slot</source>
        <translation>Zeitfenster hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/views/queue_slots.py" line="111"/>
        <source>Remove slot</source>
        <translation>Zeitfenster entfernen</translation>
    </message>
    <message>
        <location filename="../../ui/views/queue_slots.py" line="127"/>
        <source>Weekly slots:</source>
        <translation>Wöchentliche Zeitfenster:</translation>
    </message>
    <message>
        <location filename="../../ui/views/queue_slots.py" line="151"/>
        <source>Weekday</source>
        <translation>Wochentag</translation>
    </message>
    <message>
        <location filename="../../ui/views/queue_slots.py" line="151"/>
        <source>Time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <location filename="../../ui/views/queue_slots.py" line="151"/>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <location filename="../../ui/views/queue_slots.py" line="178"/>
        <source>There is a slot at that time already.</source>
        <translation>Zu dieser Zeit gibt es schon ein Zeitfenster.</translation>
    </message>
    <message>
        <location filename="../../ui/views/queue_slots.py" line="186"/>
        <source>&apos;%1&apos; is not a known time zone. Pick one from the list.</source>
        <translation>„%1“ ist keine bekannte Zeitzone. Wählen Sie eine aus der Liste.</translation>
    </message>
</context>
<context>
    <name>RecurrenceEditor</name>
    <message>
        <location filename="../../ui/views/recurrence.py" line="29"/>
        <source>Does not repeat</source>
        <translation>Keine Wiederholung</translation>
    </message>
    <message>
        <location filename="../../ui/views/recurrence.py" line="30"/>
        <source>Repeats daily</source>
        <translation>Täglich wiederholen</translation>
    </message>
    <message>
        <location filename="../../ui/views/recurrence.py" line="31"/>
        <source>Repeats weekly</source>
        <translation>Wöchentlich wiederholen</translation>
    </message>
    <message>
        <location filename="../../ui/views/recurrence.py" line="33"/>
        <source>Each repeat becomes its own post at the same time of day in the chosen time zone</source>
        <translation>Jede Wiederholung wird ein eigener Beitrag zur selben Uhrzeit in der gewählten Zeitzone</translation>
    </message>
    <message>
        <location filename="../../ui/views/recurrence.py" line="35"/>
        <source>every</source>
        <translation>alle</translation>
    </message>
    <message>
        <location filename="../../ui/views/recurrence.py" line="52"/>
        <source>ends after</source>
        <translation>endet nach</translation>
    </message>
    <message>
        <location filename="../../ui/views/recurrence.py" line="53"/>
        <source>ends on</source>
        <translation>endet am</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/recurrence.py" line="102"/>
        <source>day(s)</source>
        <translation>
            <numerusform>Tag</numerusform>
            <numerusform>Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/recurrence.py" line="102"/>
        <source>week(s)</source>
        <translation>
            <numerusform>Woche</numerusform>
            <numerusform>Wochen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/recurrence.py" line="106"/>
        <source>post(s)</source>
        <translation>
            <numerusform>Beitrag</numerusform>
            <numerusform>Beiträgen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SavedRepliesDialog</name>
    <message>
        <location filename="../../ui/views/saved_replies.py" line="51"/>
        <source>Saved replies</source>
        <translation>Gespeicherte Antworten</translation>
    </message>
    <message>
        <location filename="../../ui/views/saved_replies.py" line="55"/>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location filename="../../ui/views/saved_replies.py" line="65"/>
        <source>e.g. Delivery delayed</source>
        <translation>z. B. Lieferung verzögert</translation>
    </message>
    <message>
        <location filename="../../ui/views/saved_replies.py" line="67"/>
        <source>Hi {first_name}, thank you for telling us…</source>
        <translation>Hallo {first_name}, danke für Ihre Nachricht…</translation>
    </message>
    <message>
        <location filename="../../ui/views/saved_replies.py" line="70"/>
        <source>Placeholders: {name} the author&apos;s name (or handle), {first_name} its first word, {handle}, {channel}, {me} your name. Write {{ and }} for a literal brace.</source>
        <translation>Platzhalter: {name} der Name der Person (oder ihre Kennung), {first_name} dessen erstes Wort, {handle}, {channel}, {me} Ihr Name. Schreiben Sie {{ und }} für eine geschweifte Klammer.</translation>
    </message>
    <message>
        <location filename="../../ui/views/saved_replies.py" line="82"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../../ui/views/saved_replies.py" line="86"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../../ui/views/saved_replies.py" line="89"/>
        <source>Title:</source>
        <translation>Titel:</translation>
    </message>
    <message>
        <location filename="../../ui/views/saved_replies.py" line="90"/>
        <source>Text:</source>
        <translation>Text:</translation>
    </message>
    <message>
        <location filename="../../ui/views/saved_replies.py" line="198"/>
        <source>Delete saved reply</source>
        <translation>Gespeicherte Antwort löschen</translation>
    </message>
    <message>
        <location filename="../../ui/views/saved_replies.py" line="199"/>
        <source>Delete the saved reply “%1” for the whole team?</source>
        <translation>Die gespeicherte Antwort „%1“ für das ganze Team löschen?</translation>
    </message>
</context>
<context>
    <name>SendBackDialog</name>
    <message>
        <location filename="../../ui/views/calendar.py" line="108"/>
        <source>Send back to the author</source>
        <translation>An den Autor zurückgeben</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="109"/>
        <source>What should the author change in “%1”?</source>
        <translation>Was soll der Autor an „%1“ ändern?</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar.py" line="115"/>
        <source>Send back</source>
        <translation>Zurückgeben</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../../ui/views/settings.py" line="57"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="66"/>
        <source>Storage</source>
        <translation>Datenspeicher</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="68"/>
        <source>Database:</source>
        <translation>Datenbank:</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="69"/>
        <source>Data folder:</source>
        <translation>Datenordner:</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="74"/>
        <source>Choose another database with --db URL or the PUBLISHER_DB environment variable; a team shares one PostgreSQL database.</source>
        <translation>Eine andere Datenbank wählen Sie mit --db URL oder der Umgebungsvariablen PUBLISHER_DB; ein Team nutzt gemeinsam eine PostgreSQL-Datenbank.</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="79"/>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="80"/>
        <source>Passwords and tokens</source>
        <translation>Passwörter und Token</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="82"/>
        <source>Keyring:</source>
        <translation>Schlüsselbund:</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="84"/>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="87"/>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="88"/>
        <source>set PUBLISHER_LANG=en or de to change it</source>
        <translation>zum Ändern PUBLISHER_LANG=en oder de setzen</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="90"/>
        <source>Time zone:</source>
        <translation>Zeitzone:</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="91"/>
        <source>Version:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="93"/>
        <source>Publishing in the background</source>
        <translation>Im Hintergrund veröffentlichen</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="95"/>
        <source>Keep publishing in the background when the window is closed</source>
        <translation>Im Hintergrund weiter veröffentlichen, wenn das Fenster geschlossen wird</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="102"/>
        <source>This desktop shows no tray icons, so closing the window stops publishing.</source>
        <translation>Diese Arbeitsumgebung zeigt keine Symbole im Infobereich; das Schließen des Fensters beendet daher das Veröffentlichen.</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="107"/>
        <source>To publish while Publisher is not open at all, for example after a restart, install the background service once:</source>
        <translation>Um zu veröffentlichen, während Publisher gar nicht geöffnet ist, zum Beispiel nach einem Neustart, richten Sie einmal den Hintergrunddienst ein:</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="117"/>
        <source>Inbox notifications</source>
        <translation>Benachrichtigungen aus dem Posteingang</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="119"/>
        <source>Notify me when someone mentions one of our accounts</source>
        <translation>Benachrichtigen, wenn jemand eines unserer Konten erwähnt</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="122"/>
        <source>Also for every reply, comment and direct message</source>
        <translation>Auch bei jeder Antwort, jedem Kommentar und jeder Direktnachricht</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="130"/>
        <source>Workflow</source>
        <translation>Arbeitsablauf</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="132"/>
        <source>Posts need an editor&apos;s approval before they are scheduled</source>
        <translation>Beiträge brauchen eine Freigabe der Redaktion, bevor sie eingeplant werden</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="138"/>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="141"/>
        <source>When no runner was running at a post&apos;s time (the computer was off or asleep), it still goes out if it is at most this late; older ones wait for your decision.</source>
        <translation>Lief zur Zeit eines Beitrags kein Publisher (der Rechner war aus oder im Ruhezustand), geht er trotzdem raus, wenn er höchstens so spät ist; ältere warten auf Ihre Entscheidung.</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="149"/>
        <source>Missed posts still go out up to:</source>
        <translation>Verpasste Beiträge gehen noch raus bis:</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="151"/>
        <source>You:</source>
        <translation>Sie:</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="153"/>
        <source>People:</source>
        <translation>Personen:</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="154"/>
        <source>Give someone a role…</source>
        <translation>Jemandem eine Rolle geben…</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="204"/>
        <source>Only an admin can change these settings.</source>
        <translation>Nur die Administration kann diese Einstellungen ändern.</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="213"/>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="218"/>
        <location filename="../../ui/views/settings.py" line="222"/>
        <source>Give someone a role</source>
        <translation>Jemandem eine Rolle geben</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="218"/>
        <source>Login name of the person:</source>
        <translation>Anmeldename der Person:</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="222"/>
        <source>Role:</source>
        <translation>Rolle:</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="243"/>
        <source>%1 — secrets are stored here and nowhere else.</source>
        <translation>%1 – Zugangsdaten werden ausschließlich hier gespeichert.</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="248"/>
        <source>No usable keyring (%1). Channels that need a password or token cannot be added until one is installed and unlocked (e.g. GNOME Keyring or KWallet), or chosen with PYTHON_KEYRING_BACKEND.</source>
        <translation>Kein verwendbarer Schlüsselbund (%1). Kanäle, die ein Passwort oder Token benötigen, können erst hinzugefügt werden, wenn ein Schlüsselbund installiert und entsperrt (z. B. GNOME Keyring oder KWallet) oder mit PYTHON_KEYRING_BACKEND ausgewählt ist.</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <location filename="../../ui/tray.py" line="46"/>
        <source>Show failed posts</source>
        <translation>Fehlgeschlagene Beiträge anzeigen</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="50"/>
        <source>Open Publisher</source>
        <translation>Publisher öffnen</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="53"/>
        <source>Publish due posts now</source>
        <translation>Fällige Beiträge jetzt veröffentlichen</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="57"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="84"/>
        <source>Publishing engine: starting…</source>
        <translation>Veröffentlichungsdienst: wird gestartet…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/tray.py" line="86"/>
        <source>Publishing engine: running (%n runner(s))</source>
        <translation>
            <numerusform>Veröffentlichungsdienst: läuft (%n Instanz)</numerusform>
            <numerusform>Veröffentlichungsdienst: läuft (%n Instanzen)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="88"/>
        <source>Publishing engine: stopped</source>
        <translation>Veröffentlichungsdienst: angehalten</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="93"/>
        <source>Next due: %1</source>
        <translation>Als Nächstes fällig: %1</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="95"/>
        <source>Nothing is due</source>
        <translation>Nichts ist fällig</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/tray.py" line="102"/>
        <source>%n delivery(s) need attention</source>
        <translation>
            <numerusform>%n Zustellung erfordert Aufmerksamkeit</numerusform>
            <numerusform>%n Zustellungen erfordern Aufmerksamkeit</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="114"/>
        <source>Publishing failed</source>
        <translation>Veröffentlichen fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/tray.py" line="116"/>
        <source>%n more delivery(s) need attention. Click to see the failed posts.</source>
        <translation>
            <numerusform>%n weitere Zustellung erfordert Aufmerksamkeit. Klicken Sie, um die fehlgeschlagenen Beiträge zu sehen.</numerusform>
            <numerusform>%n weitere Zustellungen erfordern Aufmerksamkeit. Klicken Sie, um die fehlgeschlagenen Beiträge zu sehen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="138"/>
        <source>%1 mentioned %2</source>
        <translation>%1 hat %2 erwähnt</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="140"/>
        <source>%1 wrote on %2</source>
        <translation>%1 schrieb auf %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/tray.py" line="145"/>
        <source>%n more new message(s) in the inbox</source>
        <translation>
            <numerusform>%n weitere neue Nachricht im Posteingang</numerusform>
            <numerusform>%n weitere neue Nachrichten im Posteingang</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="152"/>
        <source>Publisher keeps publishing in the background. Choose Quit in this icon&apos;s menu to stop it, or turn this off in Settings.</source>
        <translation>Publisher veröffentlicht im Hintergrund weiter. Wählen Sie „Beenden“ im Menü dieses Symbols, um es zu beenden, oder schalten Sie dies in den Einstellungen aus.</translation>
    </message>
</context>
<context>
    <name>calendar</name>
    <message>
        <location filename="../../ui/views/calendar_items.py" line="156"/>
        <source>(audience)</source>
        <translation>(Publikum)</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_items.py" line="161"/>
        <source>(untitled)</source>
        <translation>(ohne Titel)</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_items.py" line="165"/>
        <source>The network already holds this post.</source>
        <translation>Das Netzwerk hält diesen Beitrag bereits vor.</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_items.py" line="167"/>
        <source>Campaign: %1</source>
        <translation>Kampagne: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_items.py" line="169"/>
        <source>Author: %1</source>
        <translation>Autor: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_items.py" line="171"/>
        <source>Drag to another day or time to move it.</source>
        <translation>Zum Verschieben auf einen anderen Tag oder eine andere Zeit ziehen.</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_items.py" line="214"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_items.py" line="215"/>
        <source>Post</source>
        <translation>Beitrag</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_items.py" line="216"/>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_items.py" line="217"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_items.py" line="218"/>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_items.py" line="219"/>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <location filename="../../ui/views/calendar_items.py" line="220"/>
        <source>Time zones</source>
        <translation>Zeitzonen</translation>
    </message>
</context>
<context>
    <name>contacts</name>
    <message>
        <location filename="../../ui/views/contacts.py" line="70"/>
        <source>Reply</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <location filename="../../ui/views/contacts.py" line="71"/>
        <source>Mention</source>
        <translation>Erwähnung</translation>
    </message>
    <message>
        <location filename="../../ui/views/contacts.py" line="72"/>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <location filename="../../ui/views/contacts.py" line="73"/>
        <source>Direct message</source>
        <translation>Direktnachricht</translation>
    </message>
    <message>
        <location filename="../../ui/views/contacts.py" line="80"/>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <location filename="../../ui/views/contacts.py" line="81"/>
        <source>Done</source>
        <translation>Erledigt</translation>
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
        <source>The media file {filename} is no longer in Publisher&apos;s media folder. Attach it again.</source>
        <translation>Die Mediendatei {filename} liegt nicht mehr im Medienordner von Publisher. Hängen Sie sie erneut an.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="82"/>
        <source>{path} is not an Atom feed Publisher can update. Move it away to start a new one.</source>
        <translation>{path} ist kein Atom-Feed, den Publisher aktualisieren kann. Verschieben Sie die Datei, um einen neuen Feed anzulegen.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="85"/>
        <source>The post is empty. Write something first.</source>
        <translation>Der Beitrag ist leer. Schreiben Sie zuerst etwas.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="86"/>
        <source>The post is longer than {max} characters.</source>
        <translation>Der Beitrag ist länger als {max} Zeichen.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="87"/>
        <source>The post contains a NUL character.</source>
        <translation>Der Beitrag enthält ein NUL-Zeichen.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="88"/>
        <source>Choose at least one channel to publish to.</source>
        <translation>Wählen Sie mindestens einen Kanal zum Veröffentlichen aus.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="89"/>
        <source>A channel is chosen twice.</source>
        <translation>Ein Kanal wurde doppelt ausgewählt.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="90"/>
        <source>The post no longer exists.</source>
        <translation>Der Beitrag existiert nicht mehr.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="91"/>
        <source>The post is being published right now; try again in a moment.</source>
        <translation>Der Beitrag wird gerade veröffentlicht; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="97"/>
        <source>The post has nothing left to cancel: everything has gone out or was cancelled.</source>
        <translation>Beim Beitrag gibt es nichts mehr abzusagen: Alles ist veröffentlicht oder abgesagt.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="100"/>
        <source>The post has gone out everywhere; published posts are not edited from here.</source>
        <translation>Der Beitrag ist überall veröffentlicht; veröffentlichte Beiträge werden hier nicht bearbeitet.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="103"/>
        <source>The post has no failed or unconfirmed delivery to send again.</source>
        <translation>Der Beitrag hat keine fehlgeschlagene oder unbestätigte Zustellung, die erneut gesendet werden könnte.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="106"/>
        <source>The post does not go to &apos;{channel}&apos;.</source>
        <translation>Der Beitrag geht nicht an „{channel}“.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="107"/>
        <source>&apos;{url}&apos; is not a web address; paste the post&apos;s address starting with https://.</source>
        <translation>„{url}“ ist keine Webadresse; fügen Sie die Adresse des Beitrags ein, beginnend mit https://.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="110"/>
        <source>Only an unconfirmed delivery can be matched to a post on the network.</source>
        <translation>Nur eine unbestätigte Zustellung kann einem Beitrag im Netzwerk zugeordnet werden.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="113"/>
        <source>It was due at {due} but no runner was running then; it is more than {grace} minutes late. Publish it now, move it or cancel it.</source>
        <translation>Er war für {due} geplant, aber zu der Zeit lief kein Publisher; er ist mehr als {grace} Minuten zu spät. Jetzt veröffentlichen, verschieben oder absagen.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="118"/>
        <source>The network held this post for {due} but it cannot be found on the account. Check the channel, then mark it published or publish it again.</source>
        <translation>Das Netzwerk hielt diesen Beitrag für {due} bereit, aber er ist im Konto nicht zu finden. Prüfen Sie den Kanal und vermerken Sie ihn dann als veröffentlicht oder veröffentlichen Sie ihn erneut.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="123"/>
        <source>The channel &apos;{channel}&apos; needs signing in again; its posts wait until then.</source>
        <translation>Beim Kanal „{channel}“ ist eine neue Anmeldung nötig; seine Beiträge warten bis dahin.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="132"/>
        <source>The post is not approved yet; nothing unapproved is published.</source>
        <translation>Der Beitrag ist noch nicht freigegeben; nichts Unfreigegebenes wird veröffentlicht.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="135"/>
        <source>Write a comment that tells the author what to change.</source>
        <translation>Schreiben Sie einen Kommentar, der sagt, was zu ändern ist.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="138"/>
        <source>The comment is longer than {max} characters.</source>
        <translation>Der Kommentar ist länger als {max} Zeichen.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="141"/>
        <source>&apos;{role}&apos; is not a role; use one of {roles}.</source>
        <translation>„{role}“ ist keine Rolle; verwenden Sie eine von {roles}.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="142"/>
        <source>The grace period must be between 0 and {max} minutes.</source>
        <translation>Die Kulanzzeit muss zwischen 0 und {max} Minuten liegen.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="145"/>
        <source>Name the person.</source>
        <translation>Nennen Sie die Person.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="146"/>
        <source>There is no user &apos;{user}&apos; in this workspace.</source>
        <translation>In diesem Arbeitsbereich gibt es niemanden namens „{user}“.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="147"/>
        <source>{user} is the last admin; make someone else admin first.</source>
        <translation>{user} ist die letzte Administration; machen Sie zuerst jemand anderen zum Admin.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="150"/>
        <source>Choose one of draft, submit or approve.</source>
        <translation>Wählen Sie eines von Entwurf, Einreichen oder Freigeben.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="151"/>
        <source>The delivery no longer exists.</source>
        <translation>Die Zustellung existiert nicht mehr.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="152"/>
        <source>Only failed or unconfirmed deliveries can be sent again.</source>
        <translation>Nur fehlgeschlagene oder unbestätigte Zustellungen können erneut gesendet werden.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="155"/>
        <source>&apos;{value}&apos; is not a time of day. Use HH:MM on the 24-hour clock, e.g. 09:30.</source>
        <translation>„{value}“ ist keine Uhrzeit. Verwenden Sie SS:MM im 24-Stunden-Format, z. B. 09:30.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="158"/>
        <source>&apos;{value}&apos; is not a weekday.</source>
        <translation>„{value}“ ist kein Wochentag.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="159"/>
        <source>&apos;{channel}&apos; already has a slot on that weekday at {time}.</source>
        <translation>„{channel}“ hat an diesem Wochentag um {time} schon ein Zeitfenster.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="162"/>
        <source>&apos;{channel}&apos; has the most slots a queue may have ({max}). Remove one first.</source>
        <translation>„{channel}“ hat schon die höchste Zahl an Zeitfenstern ({max}). Entfernen Sie zuerst eines.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="165"/>
        <source>The queue slot no longer exists.</source>
        <translation>Das Zeitfenster gibt es nicht mehr.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="166"/>
        <source>&apos;{channel}&apos; has no queue slots yet. Add weekly time slots to its queue first.</source>
        <translation>„{channel}“ hat noch keine Zeitfenster. Fügen Sie der Warteschlange zuerst wöchentliche Zeitfenster hinzu.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="169"/>
        <source>Every slot of &apos;{channel}&apos; is taken for the next {weeks} weeks. Add slots or pick a time.</source>
        <translation>Alle Zeitfenster von „{channel}“ sind für die nächsten {weeks} Wochen belegt. Fügen Sie Zeitfenster hinzu oder wählen Sie eine Zeit.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="172"/>
        <source>Repeat every 1 to {max} days or weeks (not {value}).</source>
        <translation>Wiederholen Sie alle 1 bis {max} Tage oder Wochen (nicht {value}).</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="175"/>
        <source>&apos;{unit}&apos; is not a repeat unit; use days or weeks.</source>
        <translation>„{unit}“ ist keine Einheit für Wiederholungen; verwenden Sie Tage oder Wochen.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="178"/>
        <source>Weekdays can only be chosen for a weekly repeat.</source>
        <translation>Wochentage lassen sich nur bei wöchentlicher Wiederholung wählen.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="181"/>
        <source>Choose weekdays from Monday to Sunday.</source>
        <translation>Wählen Sie Wochentage von Montag bis Sonntag.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="182"/>
        <source>Say when the repeat ends: after a number of posts or on a date.</source>
        <translation>Geben Sie an, wann die Wiederholung endet: nach einer Zahl von Beiträgen oder an einem Datum.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="185"/>
        <source>A repeat makes at most {max} posts. Choose fewer or an earlier end date.</source>
        <translation>Eine Wiederholung erzeugt höchstens {max} Beiträge. Wählen Sie weniger oder ein früheres Enddatum.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="188"/>
        <source>The repeat ends on {until}, before its first post on {start}.</source>
        <translation>Die Wiederholung endet am {until}, vor ihrem ersten Beitrag am {start}.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="191"/>
        <source>&apos;{value}&apos; is not a date.</source>
        <translation>„{value}“ ist kein Datum.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="192"/>
        <source>The repeat makes no post at all: check its weekdays and end date.</source>
        <translation>Die Wiederholung erzeugt keinen einzigen Beitrag: Prüfen Sie Wochentage und Enddatum.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="94"/>
        <source>The post has nothing left to move: everything has gone out or was cancelled.</source>
        <translation>Der Beitrag hat nichts mehr zu verschieben: Alles ist veröffentlicht oder wurde abgebrochen.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="126"/>
        <source>{user} may not do this with their role. Ask an editor or an admin.</source>
        <translation>{user} darf das mit der eigenen Rolle nicht. Fragen Sie jemanden aus der Redaktion oder der Administration.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="129"/>
        <source>This step is not possible in the post&apos;s current state. Reload it and look at its status.</source>
        <translation>Dieser Schritt ist im aktuellen Zustand des Beitrags nicht möglich. Laden Sie ihn neu und prüfen Sie seinen Status.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="195"/>
        <source>Publishing was interrupted and the network cannot tell whether the post arrived. Check the channel, then publish it again if it is missing.</source>
        <translation>Die Veröffentlichung wurde unterbrochen und das Netzwerk kann nicht angeben, ob der Beitrag angekommen ist. Prüfen Sie den Kanal und veröffentlichen Sie den Beitrag erneut, falls er fehlt.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="200"/>
        <source>Publisher hit an internal error while publishing ({reason}). Please report it.</source>
        <translation>Beim Veröffentlichen ist in Publisher ein interner Fehler aufgetreten ({reason}). Bitte melden Sie ihn.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="203"/>
        <source>This contact no longer exists (contact {id}). Refresh the list.</source>
        <translation>Diesen Kontakt gibt es nicht mehr (Kontakt {id}). Aktualisieren Sie die Liste.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="206"/>
        <source>The author of this message is not known, so there is no contact to show.</source>
        <translation>Die Person hinter dieser Nachricht ist unbekannt, daher gibt es keinen Kontakt.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="209"/>
        <source>A contact cannot be merged with itself. Choose another contact.</source>
        <translation>Ein Kontakt kann nicht mit sich selbst zusammengeführt werden. Wählen Sie einen anderen.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="212"/>
        <source>These contacts are merged already: they are shown as one person.</source>
        <translation>Diese Kontakte sind schon zusammengeführt: Sie werden als eine Person gezeigt.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="215"/>
        <source>This contact is not merged with anyone, so there is nothing to split off.</source>
        <translation>Dieser Kontakt ist mit niemandem zusammengeführt, es gibt nichts abzutrennen.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="218"/>
        <source>A contact tag needs 1 to {max} characters. Separate tags with commas.</source>
        <translation>Ein Schlagwort braucht 1 bis {max} Zeichen. Trennen Sie Schlagwörter durch Kommas.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="221"/>
        <source>A contact can have at most {max} tags (this would be {count}). Remove some first.</source>
        <translation>Ein Kontakt kann höchstens {max} Schlagwörter haben (es wären {count}). Entfernen Sie zuerst einige.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="224"/>
        <source>The notes are too long: {length} characters, at most {max}. Shorten them, then save again.</source>
        <translation>Die Notizen sind zu lang: {length} Zeichen, höchstens {max}. Kürzen Sie sie und speichern Sie erneut.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="227"/>
        <source>The name is too long (at most {max} characters).</source>
        <translation>Der Name ist zu lang (höchstens {max} Zeichen).</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="230"/>
        <source>The channel &apos;{channel}&apos; has no inbox: Publisher cannot read or answer its messages.</source>
        <translation>Der Kanal „{channel}“ hat keinen Posteingang: Publisher kann seine Nachrichten weder lesen noch beantworten.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="233"/>
        <source>This message is no longer in the inbox (item {id}). Refresh the list.</source>
        <translation>Diese Nachricht ist nicht mehr im Posteingang (Eintrag {id}). Aktualisieren Sie die Liste.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="236"/>
        <source>&apos;{status}&apos; is not an inbox status.</source>
        <translation>„{status}“ ist kein Status des Posteingangs.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="237"/>
        <source>&apos;{sentiment}&apos; is not a sentiment.</source>
        <translation>„{sentiment}“ ist keine Stimmung.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="238"/>
        <source>The assignee&apos;s name is too long (at most {max} characters).</source>
        <translation>Der Name der zugewiesenen Person ist zu lang (höchstens {max} Zeichen).</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="241"/>
        <source>A tag needs 1 to {max} characters.</source>
        <translation>Ein Schlagwort braucht 1 bis {max} Zeichen.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="242"/>
        <source>The reply is empty. Write something to send.</source>
        <translation>Die Antwort ist leer. Schreiben Sie etwas, das gesendet werden soll.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="243"/>
        <source>This saved reply no longer exists.</source>
        <translation>Diese gespeicherte Antwort gibt es nicht mehr.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="244"/>
        <source>A saved reply needs a title.</source>
        <translation>Eine gespeicherte Antwort braucht einen Titel.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="245"/>
        <source>The title is too long: at most {limit} characters.</source>
        <translation>Der Titel ist zu lang: höchstens {limit} Zeichen.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="248"/>
        <source>There is already a saved reply called &apos;{title}&apos;. Choose another title.</source>
        <translation>Es gibt schon eine gespeicherte Antwort „{title}“. Wählen Sie einen anderen Titel.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="251"/>
        <source>The saved reply has no text. Write the answer it should insert.</source>
        <translation>Die gespeicherte Antwort hat keinen Text. Schreiben Sie die Antwort, die sie einfügen soll.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="254"/>
        <source>The saved reply is too long: at most {limit} characters.</source>
        <translation>Die gespeicherte Antwort ist zu lang: höchstens {limit} Zeichen.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="257"/>
        <source>The saved reply uses {placeholder}, which Publisher cannot fill in. Use one of {known}, or write {{{{ and }}}} for a literal brace.</source>
        <translation>Die gespeicherte Antwort verwendet {placeholder}, das Publisher nicht ausfüllen kann. Verwenden Sie {known} oder schreiben Sie {{{{ und }}}} für eine geschweifte Klammer.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="262"/>
        <source>The braces in the saved reply do not match. Placeholders look like {known}; write {{{{ and }}}} for a literal brace.</source>
        <translation>Die geschweiften Klammern in der gespeicherten Antwort passen nicht zusammen. Platzhalter sehen so aus: {known}; schreiben Sie {{{{ und }}}} für eine geschweifte Klammer.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="267"/>
        <source>The reply was not sent. {cause_text} It is kept as a failed reply, so nothing is lost; send it again when the problem is solved.</source>
        <translation>Die Antwort wurde nicht gesendet. {cause_text} Sie bleibt als fehlgeschlagene Antwort erhalten, nichts geht verloren; senden Sie sie erneut, wenn das Problem behoben ist.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="280"/>
        <source>Unexpected error ({code}).</source>
        <translation>Unerwarteter Fehler ({code}).</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="302"/>
        <source>Unexpected error: {error}</source>
        <translation>Unerwarteter Fehler: {error}</translation>
    </message>
</context>
<context>
    <name>fixes</name>
    <message>
        <location filename="../../ui/views/preview.py" line="342"/>
        <source>Add signature</source>
        <translation>Signatur ergänzen</translation>
    </message>
    <message>
        <location filename="../../ui/views/preview.py" line="343"/>
        <source>Add it</source>
        <translation>Ergänzen</translation>
    </message>
    <message>
        <location filename="../../ui/views/preview.py" line="344"/>
        <source>Add hashtags</source>
        <translation>Hashtags ergänzen</translation>
    </message>
    <message>
        <location filename="../../ui/views/preview.py" line="345"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../../ui/views/preview.py" line="346"/>
        <source>Lower case</source>
        <translation>Kleinschreiben</translation>
    </message>
    <message>
        <location filename="../../ui/views/preview.py" line="347"/>
        <source>Tone down</source>
        <translation>Abschwächen</translation>
    </message>
    <message>
        <location filename="../../ui/views/preview.py" line="348"/>
        <source>Escape</source>
        <translation>Maskieren</translation>
    </message>
</context>
<context>
    <name>inbox</name>
    <message>
        <location filename="../../ui/views/inbox_model.py" line="58"/>
        <source>Negative</source>
        <translation>Negativ</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox_model.py" line="59"/>
        <source>Neutral</source>
        <translation>Neutral</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox_model.py" line="60"/>
        <source>Positive</source>
        <translation>Positiv</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox_model.py" line="67"/>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox_model.py" line="68"/>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="72"/>
        <source>Replies</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="73"/>
        <source>Mentions</source>
        <translation>Erwähnungen</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="74"/>
        <source>Comments</source>
        <translation>Kommentare</translation>
    </message>
    <message>
        <location filename="../../ui/views/inbox.py" line="75"/>
        <source>Direct messages</source>
        <translation>Direktnachrichten</translation>
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
    <message>
        <location filename="../../ui/views/settings.py" line="46"/>
        <source>author</source>
        <translation>Autor/in</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="47"/>
        <source>editor</source>
        <translation>Redaktion</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="48"/>
        <source>admin</source>
        <translation>Admin</translation>
    </message>
</context>
<context>
    <name>problems</name>
    <message>
        <location filename="../../ui/problem_texts.py" line="15"/>
        <source>There is no channel kind &apos;{kind}&apos;. Available: {known}.</source>
        <translation>Es gibt keinen Kanaltyp „{kind}“. Verfügbar: {known}.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="18"/>
        <source>A text limit must be a whole number of at least 1 (got {limit}).</source>
        <translation>Ein Textlimit muss eine ganze Zahl von mindestens 1 sein (angegeben: {limit}).</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="21"/>
        <source>A {kind} post cannot be split into a thread. Kinds with threads: {known}.</source>
        <translation>Ein Beitrag für {kind} kann nicht in einen Thread aufgeteilt werden. Typen mit Threads: {known}.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="24"/>
        <source>The {kind} text is empty. Write something first.</source>
        <translation>Der Text für {kind} ist leer. Schreiben Sie zuerst etwas.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="25"/>
        <source>The {kind} text is too long: {length} of {limit} {unit}.</source>
        <translation>Der Text für {kind} ist zu lang: {length} von {limit} {unit}.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="28"/>
        <source>The {kind} text is too large: {length} of {limit} bytes. Shorten it.</source>
        <translation>Der Text für {kind} ist zu groß: {length} von {limit} Bytes. Kürzen Sie ihn.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="31"/>
        <source>The text contains {count} broken character(s) (unpaired surrogates, e.g. from a damaged copy and paste). Delete or retype them.</source>
        <translation>Defekte Zeichen im Text: {count} (ungepaarte Surrogate, z. B. durch fehlerhaftes Kopieren und Einfügen). Löschen Sie sie oder geben Sie sie neu ein.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="35"/>
        <source>This is not a brand profile: expected {expected}.</source>
        <translation>Dies ist kein Markenprofil: erwartet wurde {expected}.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="36"/>
        <source>This brand profile was written by a newer Publisher (format {version}; this version reads up to {supported}). Update Publisher.</source>
        <translation>Dieses Markenprofil wurde von einer neueren Publisher-Version geschrieben (Format {version}; diese Version liest bis Format {supported}). Aktualisieren Sie Publisher.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="40"/>
        <source>A brand profile has no setting &apos;{field}&apos;. Check the spelling.</source>
        <translation>Ein Markenprofil hat keine Einstellung „{field}“. Prüfen Sie die Schreibweise.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="43"/>
        <source>The brand setting &apos;{field}&apos; is not valid: expected {expected}.</source>
        <translation>Die Markeneinstellung „{field}“ ist ungültig: erwartet wurde {expected}.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="46"/>
        <source>The brand setting &apos;{field}&apos; must be between {min} and {max} (it is {value}).</source>
        <translation>Die Markeneinstellung „{field}“ muss zwischen {min} und {max} liegen (aktuell: {value}).</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="49"/>
        <source>The brand setting &apos;{field}&apos; is too long (at most {max} characters).</source>
        <translation>Die Markeneinstellung „{field}“ ist zu lang (höchstens {max} Zeichen).</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="52"/>
        <source>Give the brand profile a name.</source>
        <translation>Geben Sie dem Markenprofil einen Namen.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="53"/>
        <source>The brand profile&apos;s name is too long (at most {max} characters).</source>
        <translation>Der Name des Markenprofils ist zu lang (höchstens {max} Zeichen).</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="56"/>
        <source>&apos;{tag}&apos; is not a hashtag: use letters, digits and _ only, e.g. #Anzeige.</source>
        <translation>„{tag}“ ist kein Hashtag: Verwenden Sie nur Buchstaben, Ziffern und _, z. B. #Anzeige.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="59"/>
        <source>&apos;{value}&apos; is not a colour for &apos;{field}&apos;. Use #rrggbb, e.g. #ffffff for white.</source>
        <translation>„{value}“ ist keine Farbe für „{field}“. Verwenden Sie #rrggbb, z. B. #ffffff für Weiß.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="62"/>
        <source>The UTM template needs source, medium and campaign; missing: {missing}.</source>
        <translation>Die UTM-Vorlage braucht source, medium und campaign; es fehlt: {missing}.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="65"/>
        <source>Choose either a watermark text or a watermark image, not both.</source>
        <translation>Wählen Sie entweder einen Wasserzeichentext oder ein Wasserzeichenbild, nicht beides.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="68"/>
        <source>The watermark image {path} does not exist. Choose another file.</source>
        <translation>Das Wasserzeichenbild {path} existiert nicht. Wählen Sie eine andere Datei.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="71"/>
        <source>The watermark {path} is not a PNG, JPEG, GIF or WebP image.</source>
        <translation>Das Wasserzeichen {path} ist kein Bild im Format PNG, JPEG, GIF oder WebP.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="74"/>
        <source>There is no brand profile named &apos;{name}&apos;.</source>
        <translation>Es gibt kein Markenprofil namens „{name}“.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="75"/>
        <source>Publisher does not know how to apply the fix &apos;{code}&apos;.</source>
        <translation>Publisher weiß nicht, wie die Korrektur „{code}“ angewendet wird.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="78"/>
        <source>The fix &apos;{code}&apos; lacks its &apos;{param}&apos;.</source>
        <translation>Der Korrektur „{code}“ fehlt die Angabe „{param}“.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="79"/>
        <source>&apos;{word}&apos; is on the brand&apos;s list of banned words. Remove or replace it.</source>
        <translation>„{word}“ steht auf der Liste der verbotenen Wörter der Marke. Entfernen oder ersetzen Sie es.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="82"/>
        <source>The draft must contain &apos;{text}&apos;. Add it.</source>
        <translation>Der Entwurf muss „{text}“ enthalten. Ergänzen Sie es.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="83"/>
        <source>The brand&apos;s signature is missing: {text}</source>
        <translation>Die Signatur der Marke fehlt: {text}</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="84"/>
        <source>The brand&apos;s hashtags are missing: {tags}</source>
        <translation>Die Hashtags der Marke fehlen: {tags}</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="85"/>
        <source>{count} exclamation marks; the brand allows at most {max}.</source>
        <translation>{count} Ausrufezeichen; die Marke erlaubt höchstens {max}.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="88"/>
        <source>&apos;{word}&apos; is written in capitals; the brand asks for normal case.</source>
        <translation>„{word}“ ist in Großbuchstaben geschrieben; die Marke verlangt normale Schreibweise.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="91"/>
        <source>The brand allows no emoji; the draft has {count}.</source>
        <translation>Die Marke erlaubt keine Emoji; der Entwurf enthält {count}.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="94"/>
        <source>{count} emoji; the brand allows at most {max}.</source>
        <translation>{count} Emoji; die Marke erlaubt höchstens {max}.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="97"/>
        <source>The file {path} does not exist.</source>
        <translation>Die Datei {path} existiert nicht.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="98"/>
        <source>{path} is a folder, not a file. Choose an image or a video.</source>
        <translation>{path} ist ein Ordner, keine Datei. Wählen Sie ein Bild oder ein Video.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="101"/>
        <source>The file {path} cannot be read ({reason}). Check that it is yours and not in use.</source>
        <translation>Die Datei {path} kann nicht gelesen werden ({reason}). Prüfen Sie, ob sie Ihnen gehört und nicht gerade verwendet wird.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="104"/>
        <source>The file {path} is empty. Choose an image or a video.</source>
        <translation>Die Datei {path} ist leer. Wählen Sie ein Bild oder ein Video.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="105"/>
        <source>The file {path} is {size_human}; Publisher takes files up to {max_human}. Make it smaller first (e.g. export the video at a lower bit rate).</source>
        <translation>Die Datei {path} ist {size_human} groß; Publisher nimmt Dateien bis {max_human} an. Verkleinern Sie sie zuerst (z. B. indem Sie das Video mit einer niedrigeren Bitrate exportieren).</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="109"/>
        <source>{path} is not an image or a video Publisher can attach (PNG, JPEG, GIF, WebP, MP4, MOV or WebM), whatever its name says.</source>
        <translation>{path} ist kein Bild und kein Video, das Publisher anhängen kann (PNG, JPEG, GIF, WebP, MP4, MOV oder WebM), ganz gleich, was der Dateiname sagt.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="113"/>
        <source>{path} is a {type} file; Publisher attaches PNG, JPEG, GIF, WebP, MP4, MOV and WebM. Convert it first.</source>
        <translation>{path} ist eine {type}-Datei; Publisher hängt PNG, JPEG, GIF, WebP, MP4, MOV und WebM an. Konvertieren Sie die Datei zuerst.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="117"/>
        <source>{path} looks like a {type} file but cannot be read as one; it may be damaged or incomplete.</source>
        <translation>{path} sieht wie eine {type}-Datei aus, lässt sich aber nicht als solche lesen; sie ist möglicherweise beschädigt oder unvollständig.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="120"/>
        <source>{path} has more than {max_pixels:,} pixels, too many to open safely. Scale it down first.</source>
        <translation>{path} hat mehr als {max_pixels:,} Pixel, zu viele, um die Datei sicher zu öffnen. Verkleinern Sie sie zuerst.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="123"/>
        <source>The alt text of {filename} is too long (at most {max} characters).</source>
        <translation>Der Alternativtext von {filename} ist zu lang (höchstens {max} Zeichen).</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="126"/>
        <source>A post can have at most {max} media files.</source>
        <translation>Ein Beitrag kann höchstens {max} Mediendateien haben.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="127"/>
        <source>The file {path} could not be copied into Publisher&apos;s media folder ({reason}).</source>
        <translation>Die Datei {path} konnte nicht in den Medienordner von Publisher kopiert werden ({reason}).</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="130"/>
        <source>&apos;{path}&apos; is not a path inside the media folder.</source>
        <translation>„{path}“ ist kein Pfad innerhalb des Medienordners.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="133"/>
        <source>{network} posts need at least one image or video.</source>
        <translation>Beiträge auf {network} brauchen mindestens ein Bild oder Video.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="134"/>
        <source>{count} media files; {network} takes at most {max} per post.</source>
        <translation>{count} Mediendateien; {network} nimmt höchstens {max} pro Beitrag an.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="137"/>
        <source>{filename} is a {category}, which {network} only takes on its own: remove the other media.</source>
        <translation>{filename} ist vom Typ „{category}“, den {network} nur einzeln annimmt: Entfernen Sie die anderen Medien.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="140"/>
        <source>{filename} is {type}; {network} takes {allowed}.</source>
        <translation>{filename} ist vom Typ {type}; {network} nimmt {allowed} an.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="143"/>
        <source>{filename} is {size_human}; {network} takes at most {max_human} for this type.</source>
        <translation>{filename} ist {size_human} groß; {network} nimmt für diesen Typ höchstens {max_human} an.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="146"/>
        <source>The media add up to {size_human}; {network} takes at most {max_human} per post.</source>
        <translation>Die Medien sind zusammen {size_human} groß; {network} nimmt höchstens {max_human} pro Beitrag an.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="149"/>
        <source>{filename} is {width}×{height} pixels; {network} takes at most {max_width}×{max_height}.</source>
        <translation>{filename} hat {width}×{height} Pixel; {network} nimmt höchstens {max_width}×{max_height} an.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="152"/>
        <source>{filename} has {pixels:,} pixels; {network} takes at most {max_pixels:,}.</source>
        <translation>{filename} hat {pixels:,} Pixel; {network} nimmt höchstens {max_pixels:,} an.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="155"/>
        <source>{filename} is {width} pixels wide; {network} needs at least {min_width}.</source>
        <translation>{filename} ist {width} Pixel breit; {network} verlangt mindestens {min_width}.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="158"/>
        <source>{filename} has an aspect ratio of {ratio}; {network} takes {min_ratio} to {max_ratio} (width ÷ height). Crop it.</source>
        <translation>{filename} hat ein Seitenverhältnis von {ratio}; {network} nimmt {min_ratio} bis {max_ratio} an (Breite ÷ Höhe). Schneiden Sie es zu.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="162"/>
        <source>{filename} runs {seconds} s; {network} takes videos up to {max_seconds} s.</source>
        <translation>{filename} dauert {seconds} s; {network} nimmt Videos bis {max_seconds} s an.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="165"/>
        <source>{filename} has no alt text. Describe the image for people who cannot see it.</source>
        <translation>{filename} hat keinen Alternativtext. Beschreiben Sie das Bild für Menschen, die es nicht sehen können.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="168"/>
        <source>The alt text of {filename} has {length} characters; {network} takes at most {max}.</source>
        <translation>Der Alternativtext von {filename} hat {length} Zeichen; {network} nimmt höchstens {max} an.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="171"/>
        <source>{network} has no alt text for media; the alt text of {filename} will not be sent.</source>
        <translation>{network} unterstützt keinen Alternativtext für Medien; der Alternativtext von {filename} wird nicht gesendet.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="174"/>
        <source>&apos;{url}&apos; is not encrypted. Use an address starting with https:// (plain http:// is only allowed for this computer, e.g. http://127.0.0.1).</source>
        <translation>„{url}“ ist nicht verschlüsselt. Verwenden Sie eine Adresse, die mit https:// beginnt (einfaches http:// ist nur für diesen Computer erlaubt, z. B. http://127.0.0.1).</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="178"/>
        <source>{host} could not be reached; trying again later.</source>
        <translation>{host} ist nicht erreichbar; Publisher versucht es später erneut.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="181"/>
        <source>The secure connection to {host} failed (its certificate was not accepted). Check the address and the computer&apos;s date and time; trying again later.</source>
        <translation>Die sichere Verbindung zu {host} ist fehlgeschlagen (das Zertifikat wurde nicht akzeptiert). Prüfen Sie die Adresse sowie Datum und Uhrzeit des Computers; Publisher versucht es später erneut.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="185"/>
        <source>{host} stopped answering; trying again later.</source>
        <translation>{host} antwortet nicht mehr; Publisher versucht es später erneut.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="186"/>
        <source>{host} did not answer after the request was sent, so it is not known whether it was applied.</source>
        <translation>{host} hat nach dem Senden der Anfrage nicht geantwortet; daher ist nicht bekannt, ob sie ausgeführt wurde.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="189"/>
        <source>Talking to {host} failed; trying again later.</source>
        <translation>Die Kommunikation mit {host} ist fehlgeschlagen; Publisher versucht es später erneut.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="190"/>
        <source>{host} had a server error (HTTP {status}); trying again later.</source>
        <translation>Auf {host} ist ein Serverfehler aufgetreten (HTTP {status}); Publisher versucht es später erneut.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="193"/>
        <source>{host} does not know that item (HTTP 404); it may have been deleted.</source>
        <translation>{host} kennt dieses Element nicht (HTTP 404); es wurde möglicherweise gelöscht.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="196"/>
        <source>{host} redirected the request elsewhere (HTTP {status}). Check the channel&apos;s address.</source>
        <translation>{host} hat die Anfrage an eine andere Adresse umgeleitet (HTTP {status}). Prüfen Sie die Adresse des Kanals.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="199"/>
        <source>The server answered with something that is not data from its API ({content_type}), for example a login page. Check the channel&apos;s address.</source>
        <translation>Der Server hat nicht mit Daten seiner API geantwortet ({content_type}), sondern mit etwas anderem, zum Beispiel einer Anmeldeseite. Prüfen Sie die Adresse des Kanals.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="203"/>
        <source>The server&apos;s answer to {endpoint} is not what its API documents.</source>
        <translation>Die Antwort des Servers auf {endpoint} entspricht nicht der Dokumentation seiner API.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="206"/>
        <source>A Mastodon channel needs the instance&apos;s address, e.g. https://mastodon.social.</source>
        <translation>Ein Mastodon-Kanal braucht die Adresse der Instanz, z. B. https://mastodon.social.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="209"/>
        <source>&apos;{url}&apos; is not an instance address. Give only the instance, e.g. https://mastodon.social, without a path.</source>
        <translation>„{url}“ ist keine Instanzadresse. Geben Sie nur die Instanz an, z. B. https://mastodon.social, ohne Pfad.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="213"/>
        <location filename="../../ui/problem_texts.py" line="403"/>
        <location filename="../../ui/problem_texts.py" line="457"/>
        <source>The post is empty. Write some text or attach an image.</source>
        <translation>Der Beitrag ist leer. Schreiben Sie einen Text oder hängen Sie ein Bild an.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="216"/>
        <location filename="../../ui/problem_texts.py" line="285"/>
        <location filename="../../ui/problem_texts.py" line="346"/>
        <location filename="../../ui/problem_texts.py" line="379"/>
        <location filename="../../ui/problem_texts.py" line="406"/>
        <location filename="../../ui/problem_texts.py" line="475"/>
        <source>The media file {filename} is no longer in Publisher&apos;s media folder ({path}). Attach it again.</source>
        <translation>Die Mediendatei {filename} liegt nicht mehr im Medienordner von Publisher ({path}). Hängen Sie sie erneut an.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="219"/>
        <source>The post has {count} attachments; this instance takes at most {max}. Remove some.</source>
        <translation>Der Beitrag hat {count} Anhänge; diese Instanz nimmt höchstens {max} an. Entfernen Sie einige.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="222"/>
        <source>The instance is still processing {filename}; trying again later.</source>
        <translation>Die Instanz verarbeitet {filename} noch; Publisher versucht es später erneut.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="225"/>
        <source>Mastodon can only schedule posts at least {minutes} minutes ahead.</source>
        <translation>Mastodon kann Beiträge nur mindestens {minutes} Minuten im Voraus planen.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="228"/>
        <source>This post becomes a thread of {parts} posts; Mastodon can only schedule single posts. Shorten it or let Publisher send it at the time.</source>
        <translation>Dieser Beitrag wird zu einem Thread aus {parts} Beiträgen; Mastodon kann nur einzelne Beiträge planen. Kürzen Sie ihn oder lassen Sie Publisher ihn zum geplanten Zeitpunkt senden.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="232"/>
        <source>The sign-in was not completed within {seconds} seconds. Start it again.</source>
        <translation>Die Anmeldung wurde nicht innerhalb von {seconds} Sekunden abgeschlossen. Starten Sie sie erneut.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="235"/>
        <source>The sign-in answer did not belong to this sign-in, so it was ignored. Start it again.</source>
        <translation>Die Antwort auf die Anmeldung gehörte nicht zu dieser Anmeldung und wurde daher ignoriert. Starten Sie die Anmeldung erneut.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="238"/>
        <source>The sign-in was refused ({error}). Start it again and allow access.</source>
        <translation>Die Anmeldung wurde abgelehnt ({error}). Starten Sie sie erneut und erlauben Sie den Zugriff.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="241"/>
        <source>The network&apos;s sign-in answer had no authorization code. Start it again.</source>
        <translation>Die Anmeldeantwort des Netzwerks enthielt keinen Autorisierungscode. Starten Sie die Anmeldung erneut.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="244"/>
        <source>A Matrix channel needs the homeserver&apos;s address, e.g. https://matrix.example.org.</source>
        <translation>Ein Matrix-Kanal braucht die Adresse des Homeservers, z. B. https://matrix.example.org.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="247"/>
        <source>&apos;{handle}&apos; is not a Matrix user id. Write it as @name:server, e.g. @press:example.org.</source>
        <translation>„{handle}“ ist keine Matrix-Benutzer-ID. Schreiben Sie sie als @name:server, z. B. @press:example.org.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="250"/>
        <source>A Matrix channel needs a room: its id (!abc:example.org) or an alias (#news:example.org).</source>
        <translation>Ein Matrix-Kanal braucht einen Raum: seine ID (!abc:example.org) oder einen Alias (#news:example.org).</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="253"/>
        <source>&apos;{room}&apos; is not a Matrix room. Give its id (!abc:example.org) or an alias (#news:example.org).</source>
        <translation>„{room}“ ist kein Matrix-Raum. Geben Sie seine ID (!abc:example.org) oder einen Alias (#news:example.org) an.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="256"/>
        <source>This Matrix channel holds a password instead of an access token. Add the channel again so that Publisher can sign in and keep only the token.</source>
        <translation>Dieser Matrix-Kanal enthält ein Passwort statt eines Zugangstokens. Fügen Sie den Kanal erneut hinzu, damit Publisher sich anmelden und nur das Zugangstoken speichern kann.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="260"/>
        <source>To sign in with a password, give the account as well (@name:server).</source>
        <translation>Geben Sie für die Anmeldung mit Passwort auch das Konto an (@name:server).</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="263"/>
        <source>The homeserver did not accept the password for {user}.</source>
        <translation>Der Homeserver hat das Passwort für {user} nicht akzeptiert.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="266"/>
        <source>The access token belongs to {actual}, not to {expected}. Use a token of {expected} or change the channel&apos;s account.</source>
        <translation>Das Zugangstoken gehört zu {actual}, nicht zu {expected}. Verwenden Sie ein Zugangstoken von {expected} oder ändern Sie das Konto des Kanals.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="270"/>
        <source>The account is not a member of the room (or may not post there). Join the room, or ask its moderators for permission, then try again.</source>
        <translation>Das Konto ist kein Mitglied des Raums (oder darf dort nicht schreiben). Treten Sie dem Raum bei oder bitten Sie die Moderation des Raums um Erlaubnis und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="274"/>
        <source>The homeserver refused this: {message}</source>
        <translation>Der Homeserver hat dies abgelehnt: {message}</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="275"/>
        <source>The homeserver refused the message or file as too large. Use a smaller image or shorten the text.</source>
        <translation>Der Homeserver hat die Nachricht oder Datei als zu groß abgelehnt. Verwenden Sie ein kleineres Bild oder kürzen Sie den Text.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="279"/>
        <source>The homeserver refused the request (HTTP {status}): {message}</source>
        <translation>Der Homeserver hat die Anfrage abgelehnt (HTTP {status}): {message}</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="282"/>
        <location filename="../../ui/problem_texts.py" line="349"/>
        <location filename="../../ui/problem_texts.py" line="382"/>
        <source>The message is empty. Write some text or attach an image.</source>
        <translation>Die Nachricht ist leer. Schreiben Sie einen Text oder hängen Sie ein Bild an.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="288"/>
        <source>{host} cannot schedule messages (it does not offer delayed events). Let Publisher send the message at the time instead.</source>
        <translation>{host} kann keine Nachrichten planen (der Server bietet keine verzögerten Ereignisse, „delayed events“, an). Lassen Sie Publisher die Nachricht stattdessen zum geplanten Zeitpunkt senden.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="292"/>
        <source>The homeserver can schedule messages at most {hours} hours ahead. Pick an earlier time or let Publisher send it at the time.</source>
        <translation>Der Homeserver kann Nachrichten höchstens {hours} Stunden im Voraus planen. Wählen Sie einen früheren Zeitpunkt oder lassen Sie Publisher die Nachricht zum geplanten Zeitpunkt senden.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="296"/>
        <source>Messages with images cannot be scheduled on the homeserver yet. Let Publisher send this one at the time.</source>
        <translation>Nachrichten mit Bildern können auf dem Homeserver noch nicht geplant werden. Lassen Sie Publisher diese Nachricht zum geplanten Zeitpunkt senden.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="300"/>
        <source>The homeserver ignored the requested delay and posted the message immediately (event {event_id}).</source>
        <translation>Der Homeserver hat die gewünschte Verzögerung ignoriert und die Nachricht sofort veröffentlicht (Ereignis {event_id}).</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="304"/>
        <source>The homeserver no longer holds this scheduled message: it was already sent or cancelled.</source>
        <translation>Der Homeserver hat diese geplante Nachricht nicht mehr: Sie wurde bereits gesendet oder abgebrochen.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="307"/>
        <source>A Telegram channel needs the channel: its @name (e.g. @ourchannel) or its numeric id (e.g. -1001234567890).</source>
        <translation>Ein Telegram-Kanal braucht den Kanal: seinen @Namen (z. B. @unserkanal) oder seine numerische ID (z. B. -1001234567890).</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="311"/>
        <source>&apos;{handle}&apos; is not a Telegram channel. Give its @name (5-32 letters, digits or _) or its numeric id.</source>
        <translation>„{handle}“ ist kein Telegram-Kanal. Geben Sie seinen @Namen (5–32 Buchstaben, Ziffern oder _) oder seine numerische ID an.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="315"/>
        <source>That is not a Telegram bot token. Copy the whole token @BotFather gave you, e.g. 123456789:AAE….</source>
        <translation>Das ist kein Telegram-Bot-Token. Kopieren Sie das ganze Token, das Ihnen @BotFather gegeben hat, z. B. 123456789:AAE….</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="319"/>
        <source>Telegram did not accept the bot token (it was revoked or mistyped). Get the token from @BotFather again and update the channel.</source>
        <translation>Telegram hat das Bot-Token nicht angenommen (es wurde widerrufen oder falsch eingegeben). Holen Sie das Token erneut bei @BotFather und aktualisieren Sie den Kanal.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="323"/>
        <source>Telegram does not know the channel {chat}, or the bot is not in it. Check the name and add the bot to the channel as an admin.</source>
        <translation>Telegram kennt den Kanal {chat} nicht, oder der Bot ist nicht darin. Prüfen Sie den Namen und fügen Sie den Bot dem Kanal als Administrator hinzu.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="327"/>
        <source>The bot may not post in {chat}. Make it an admin of the channel with the right to post messages. ({message})</source>
        <translation>Der Bot darf in {chat} nicht veröffentlichen. Machen Sie ihn zum Administrator des Kanals mit dem Recht, Nachrichten zu senden. ({message})</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="331"/>
        <source>The chat {chat} became a supergroup with the id {new_id}. Change the channel to that id.</source>
        <translation>Der Chat {chat} ist jetzt eine Supergruppe mit der ID {new_id}. Stellen Sie den Kanal auf diese ID um.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="334"/>
        <source>Telegram refused the request (error {status}): {message}</source>
        <translation>Telegram hat die Anfrage abgelehnt (Fehler {status}): {message}</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="337"/>
        <source>The message is {length} characters long; Telegram takes at most {max}. Shorten it.</source>
        <translation>Die Nachricht ist {length} Zeichen lang; Telegram nimmt höchstens {max}. Kürzen Sie sie.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="340"/>
        <source>The post has {count} images; Telegram takes at most {max} in one album. Remove some.</source>
        <translation>Der Beitrag hat {count} Bilder; Telegram nimmt höchstens {max} in einem Album. Entfernen Sie einige.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="343"/>
        <source>{filename} ({mime_type}) cannot be posted to Telegram yet; only images can.</source>
        <translation>{filename} ({mime_type}) kann noch nicht an Telegram gesendet werden; nur Bilder gehen.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="352"/>
        <source>&apos;{remote_id}&apos; is not a Telegram message to reply to.</source>
        <translation>„{remote_id}“ ist keine Telegram-Nachricht, auf die geantwortet werden kann.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="355"/>
        <source>That is not a Discord webhook address. In the Discord channel&apos;s settings, open Integrations &gt; Webhooks and copy the URL; it looks like https://discord.com/api/webhooks/&lt;id&gt;/&lt;token&gt;.</source>
        <translation>Das ist keine Discord-Webhook-Adresse. Öffnen Sie in den Einstellungen des Discord-Kanals Integrationen &gt; Webhooks und kopieren Sie die URL; sie sieht aus wie https://discord.com/api/webhooks/&lt;id&gt;/&lt;token&gt;.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="359"/>
        <source>&apos;{handle}&apos; cannot be a Discord display name: it must be at most {max} characters and must not contain &quot;discord&quot;.</source>
        <translation>„{handle}“ kann kein Discord-Anzeigename sein: höchstens {max} Zeichen, und „discord“ darf nicht darin vorkommen.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="363"/>
        <source>The Discord webhook no longer exists (it was deleted or its URL changed). Create a new webhook in the channel&apos;s settings and update this channel with its URL.</source>
        <translation>Der Discord-Webhook existiert nicht mehr (er wurde gelöscht oder seine URL hat sich geändert). Legen Sie in den Kanaleinstellungen einen neuen Webhook an und tragen Sie seine URL in diesem Kanal ein.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="367"/>
        <source>Discord refused the message (HTTP {status}): {message}</source>
        <translation>Discord hat die Nachricht abgelehnt (HTTP {status}): {message}</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="370"/>
        <source>Discord refused the message as too large. Use smaller images.</source>
        <translation>Discord hat die Nachricht als zu groß abgelehnt. Verwenden Sie kleinere Bilder.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="373"/>
        <source>The message is {length} characters long; Discord takes at most {max}. Shorten it.</source>
        <translation>Die Nachricht ist {length} Zeichen lang; Discord nimmt höchstens {max}. Kürzen Sie sie.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="376"/>
        <source>The post has {count} attachments; Discord takes at most {max}. Remove some.</source>
        <translation>Der Beitrag hat {count} Anhänge; Discord nimmt höchstens {max}. Entfernen Sie einige.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="385"/>
        <source>A WordPress channel needs the site&apos;s address, e.g. https://blog.example.org.</source>
        <translation>Ein WordPress-Kanal braucht die Adresse der Website, z. B. https://blog.example.org.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="388"/>
        <source>A WordPress channel needs the user name of the account that posts (the one the application password belongs to).</source>
        <translation>Ein WordPress-Kanal braucht den Benutzernamen des Kontos, das veröffentlicht (zu dem das Anwendungspasswort gehört).</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="392"/>
        <source>{host} did not accept the user name and application password ({code}: {message}). Create a new application password under Users &gt; Profile and update the channel; application passwords work only on https:// sites, and some servers drop the Authorization header.</source>
        <translation>{host} hat Benutzername und Anwendungspasswort nicht angenommen ({code}: {message}). Legen Sie unter Benutzer &gt; Profil ein neues Anwendungspasswort an und aktualisieren Sie den Kanal; Anwendungspasswörter funktionieren nur auf https://-Websites, und manche Server verwerfen den Authorization-Header.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="396"/>
        <source>The WordPress account may not do this ({code}): {message}. Give it a role that may publish posts and upload files, e.g. Author or Editor.</source>
        <translation>Das WordPress-Konto darf das nicht ({code}): {message}. Geben Sie ihm eine Rolle, die Beiträge veröffentlichen und Dateien hochladen darf, z. B. Autor oder Redakteur.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="400"/>
        <source>WordPress refused the request (HTTP {status}, {code}): {message}</source>
        <translation>WordPress hat die Anfrage abgelehnt (HTTP {status}, {code}): {message}</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="409"/>
        <source>{at} is less than 2 minutes away; WordPress would publish the post at once. Pick a later time or publish now.</source>
        <translation>{at} ist weniger als 2 Minuten entfernt; WordPress würde den Beitrag sofort veröffentlichen. Wählen Sie einen späteren Zeitpunkt oder veröffentlichen Sie jetzt.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="413"/>
        <source>The WordPress post {remote_id} is no longer scheduled (its status is &apos;{status}&apos;), so it was not cancelled.</source>
        <translation>Der WordPress-Beitrag {remote_id} ist nicht mehr geplant (sein Status ist „{status}“) und wurde daher nicht abgebrochen.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="417"/>
        <source>&apos;{remote_id}&apos; is not a WordPress post or comment id.</source>
        <translation>„{remote_id}“ ist keine ID eines WordPress-Beitrags oder -Kommentars.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="420"/>
        <location filename="../../ui/problem_texts.py" line="460"/>
        <source>The reply is empty. Write some text.</source>
        <translation>Die Antwort ist leer. Schreiben Sie etwas.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="421"/>
        <source>&apos;{cursor}&apos; is not a page of WordPress comments.</source>
        <translation>„{cursor}“ ist keine Seite von WordPress-Kommentaren.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="424"/>
        <source>A Bluesky channel needs the account&apos;s handle, e.g. you.bsky.social.</source>
        <translation>Ein Bluesky-Kanal braucht das Handle des Kontos, z. B. you.bsky.social.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="427"/>
        <source>&apos;{handle}&apos; is not a Bluesky handle. Write it like you.bsky.social (or your own domain), without spaces.</source>
        <translation>„{handle}“ ist kein Bluesky-Handle. Schreiben Sie es wie you.bsky.social (oder Ihre eigene Domain), ohne Leerzeichen.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="431"/>
        <source>{server} knows no Bluesky account with the handle {handle}. Check the spelling; if the account is on its own server, enter that server&apos;s address too.</source>
        <translation>{server} kennt kein Bluesky-Konto mit dem Handle {handle}. Prüfen Sie die Schreibweise; liegt das Konto auf einem eigenen Server, geben Sie auch dessen Adresse an.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="435"/>
        <source>The handle {handle} belongs to {did}, which Publisher cannot look up (only did:plc and did:web identities are supported).</source>
        <translation>Das Handle {handle} gehört zu {did}, das Publisher nicht nachschlagen kann (unterstützt werden nur did:plc- und did:web-Identitäten).</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="439"/>
        <source>The identity document of {did} names no Bluesky server (#atproto_pds). Check the account on its server.</source>
        <translation>Das Identitätsdokument von {did} nennt keinen Bluesky-Server (#atproto_pds). Prüfen Sie das Konto auf seinem Server.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="443"/>
        <source>Bluesky did not accept the app password for {handle} ({message}). Create a new app password under Settings &gt; Privacy and security &gt; App passwords and update the channel with it.</source>
        <translation>Bluesky hat das App-Passwort für {handle} nicht angenommen ({message}). Legen Sie unter Einstellungen &gt; Datenschutz und Sicherheit &gt; App-Passwörter ein neues App-Passwort an und aktualisieren Sie den Kanal damit.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="447"/>
        <source>The Bluesky session expired and could not be renewed. Update the channel with a new app password.</source>
        <translation>Die Bluesky-Sitzung ist abgelaufen und konnte nicht erneuert werden. Aktualisieren Sie den Kanal mit einem neuen App-Passwort.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="451"/>
        <source>Bluesky no longer accepts the session. Update the channel with a new app password.</source>
        <translation>Bluesky akzeptiert die Sitzung nicht mehr. Aktualisieren Sie den Kanal mit einem neuen App-Passwort.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="454"/>
        <source>Bluesky refused the request (HTTP {status}, {error}): {message}</source>
        <translation>Bluesky hat die Anfrage abgelehnt (HTTP {status}, {error}): {message}</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="461"/>
        <source>The reply is too long for Bluesky ({length} characters; at most {max} characters and {max_bytes} bytes). Shorten it.</source>
        <translation>Die Antwort ist zu lang für Bluesky ({length} Zeichen; höchstens {max} Zeichen und {max_bytes} Bytes). Kürzen Sie sie.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="465"/>
        <source>The post has {count} images; Bluesky takes at most {max}. Remove some.</source>
        <translation>Der Beitrag hat {count} Bilder; Bluesky nimmt höchstens {max}. Entfernen Sie einige.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="468"/>
        <source>{filename} ({mime_type}) cannot be posted to Bluesky yet; only images can.</source>
        <translation>{filename} ({mime_type}) kann noch nicht auf Bluesky veröffentlicht werden; nur Bilder sind möglich.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="471"/>
        <source>{filename} is {size} bytes large; Bluesky takes images of at most {max} bytes. Use a smaller image.</source>
        <translation>{filename} ist {size} Bytes groß; Bluesky nimmt Bilder mit höchstens {max} Bytes. Verwenden Sie ein kleineres Bild.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="478"/>
        <source>Bluesky already holds a different post under this delivery&apos;s record key ({rkey}), so nothing was posted. Post it again as a new post.</source>
        <translation>Bluesky hat unter dem Datensatzschlüssel dieser Zustellung ({rkey}) bereits einen anderen Beitrag, daher wurde nichts veröffentlicht. Veröffentlichen Sie ihn erneut als neuen Beitrag.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="482"/>
        <source>The Bluesky post {uri} no longer exists; it may have been deleted.</source>
        <translation>Der Bluesky-Beitrag {uri} existiert nicht mehr; er wurde möglicherweise gelöscht.</translation>
    </message>
    <message>
        <location filename="../../ui/problem_texts.py" line="485"/>
        <source>&apos;{remote_id}&apos; is not a Bluesky post (an at:// address).</source>
        <translation>„{remote_id}“ ist kein Bluesky-Beitrag (eine at://-Adresse).</translation>
    </message>
</context>
</TS>
