-- A group full of trouble, loaded next to a demo federation (scripts/hostile-data; issue 9,
-- "Hostile data"). Every document Cageot makes for it must either be written with the odd values
-- shown safely, or fail alone with an error naming the document: never a crash, never a file
-- outside the output folder. docs/reliability.md lists what is here and what it found.
--
-- Every id is from 2,100,000,000 up (near PostgreSQL's integer maximum, itself a trouble: ten-digit
-- ids in file names and cells), so the rows never collide with a demo federation's.
--   Group 2100000001 "../../etc": txtDistrib of 6,000 characters (HTML, <script>, control and bidi
--     characters, emoji, mojibake), a payee, currency and JSON columns of garbage, created in year 1.
--   Users: names as long as "User" allows (32), HTML and <script>, C0/C1 controls, U+202E, emoji,
--     latin1 read as UTF-8, an empty first name; and 2,000 households in one session.
--   Vendor 2100000001: every column full, HTML, controls, bidi; the classic contract is a demo
--     farmer's (the lowest "Vendor".id), so his week's workbook mixes demo and hostile rows.
--   Contracts: 2100000021 variable (products of 128 characters, NaN/Infinity/negative prices, VAT
--     and quantities), 2100000022 classic (garbage absentDistribIds `1,,x,99999`, malformed
--     defaultOrders), 2100000023 variable, in year 1.
--   Sessions: 2100000010 Thursday 22 October 2026 (2,000 + 9 households: text trouble, negative
--     and odd quantities and prices, an order pointing at a product of another group: the demo's
--     lowest "Product".id), 2100000011 Sunday 25 October 2026 02:30 (the hour that happens twice;
--     order lines of NaN, ±Infinity, 1e300 and 1e-300), 2100000014 Friday 23 October 2026
--     (lines of 9 × 10^16 € and 10^19 €), 2100000012 Sunday 29 March 2026 02:30 (the hour that never
--     happens), 2100000013 on 1 January of year 1.
--   Payments of NaN, ±Infinity, 1e300 euros, with malformed JSON in "Operation".data.
-- Load it with scripts/hostile-data, after `cageot demo-data`.

BEGIN;

-- The texts every name draws from.
CREATE TEMPORARY TABLE trouble (k text PRIMARY KEY, v text NOT NULL) ON COMMIT DROP;
INSERT INTO trouble VALUES
  ('script', '<script>alert("x")</script>'),
  ('html', '<b>gras</b> <i>&amp;</i> <a href="javascript:alert(1)">lien</a> &lt;&#x202E;&gt; &bogus;'),
  ('controls', E'\x01\x02\x07\x08\x0b\x0c\x1b\x1f\x7f\u0080\u009b\u0085 \t\r\n'),
  ('bidi', E'\u202Eevil.exe\u202C \u2067isolé\u2069 \u200Fעברית\u200E عربي'),
  ('emoji', E'🥕🧀👩‍🌾🏳️‍🌈 🇫🇷 \u200D\uFE0F'),
  ('mojibake', 'HÃ©lÃ¨ne FRANÃ‡OIS CrÃ¨me Ã©paisse â‚¬'),
  ('long', 'Wolfeschlegelsteinhausenbergerdorffvoralternwarengewissenhaftschaferswessenschafewarenwohlgepflegeundsorgfaltigkeitbeschutzenvonangreifendurch'),
  ('sql', E'Robert''); DROP TABLE "User";-- $1 %s %n {group} {date} \\N');

-- A text of `n` characters: `body` repeated and cut (varchar columns get exactly their size).
CREATE FUNCTION pg_temp.fill(body text, n integer) RETURNS text LANGUAGE sql IMMUTABLE AS
  $$ SELECT left(repeat(body, n / greatest(length(body), 1) + 1), n) $$;
CREATE FUNCTION pg_temp.t(key text) RETURNS text LANGUAGE sql STABLE AS $$ SELECT v FROM trouble WHERE k = key $$;

INSERT INTO "File" (id, name, data, cdate) VALUES
  (2100000001, pg_temp.fill('../../etc/passwd ', 256), NULL, '0001-01-01');

INSERT INTO "User" (id, "firstName", "lastName", email, phone, "firstName2", "lastName2", email2, phone2,
                    address1, address2, "zipCode", city, cdate, ldate, lang, flags) VALUES
  (2100000101, pg_temp.fill(pg_temp.t('script'), 32), pg_temp.fill(upper(pg_temp.t('long')), 32), 'h101@example.invalid',
      pg_temp.fill('+33 6 12 34 56 78 ', 19), pg_temp.fill(pg_temp.t('html'), 32), pg_temp.fill('DE LA VILLEMARQUÉ-KERGUÉLEN ', 32),
      pg_temp.fill('x@example.invalid', 64), pg_temp.fill(pg_temp.t('controls'), 19),
      pg_temp.fill(pg_temp.t('html'), 64), pg_temp.fill(pg_temp.t('bidi'), 64), pg_temp.fill('75000 ', 32), pg_temp.fill('../../', 25),
      '0001-01-01', '2026-03-29 02:30', 'fr', -1),
  (2100000102, '', pg_temp.fill(pg_temp.t('bidi'), 32), 'h102@example.invalid', NULL, E'\u200F\u200E', NULL, NULL, NULL,
      NULL, NULL, NULL, NULL, '2025-01-01', NULL, '', 0),
  (2100000103, pg_temp.fill(pg_temp.t('mojibake'), 32), 'FRANÃ‡OIS-MÃœLLER', 'h103@example.invalid', '06 00 00 00 03', NULL, NULL, NULL, NULL,
      NULL, NULL, NULL, NULL, '2025-01-01', NULL, 'xx', 0),
  (2100000104, pg_temp.fill(pg_temp.t('controls'), 32), pg_temp.fill(pg_temp.t('controls'), 32), 'h104@example.invalid',
      pg_temp.fill(pg_temp.t('controls'), 19), NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '2025-01-01', NULL, 'fr', 0),
  (2100000105, pg_temp.fill(pg_temp.t('emoji'), 32), pg_temp.fill(pg_temp.t('emoji') || ' MARAÎCHÈRE', 32), 'h105@example.invalid',
      '06 00 00 00 05', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '2025-01-01', NULL, 'fr', 0),
  (2100000106, pg_temp.fill(pg_temp.t('sql'), 32), pg_temp.fill(pg_temp.t('sql'), 32), 'h106@example.invalid',
      '%s%s%s%n', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '2025-01-01', NULL, 'fr', 0),
  (2100000107, '../..', '../../etc', 'h107@example.invalid', '', '', '', '', '', '', '', '', '', '2025-01-01', NULL, 'fr', 0),
  (2100000108, 'Zoë', pg_temp.fill('M', 32), 'h108@example.invalid', '06 00 00 00 08', NULL, NULL, NULL, NULL,
      NULL, NULL, NULL, NULL, '2025-01-01', NULL, 'fr', 0),
  (2100000109, pg_temp.fill('=HYPERLINK("http://evil")', 32), pg_temp.fill('=1+1 @SUM(A1) +cmd|', 32), 'h109@example.invalid',
      '=2+3', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '2025-01-01', NULL, 'fr', 0),
  (2100000110, 'Noé', 'COORDINATRICE <script>', 'h110@example.invalid', NULL, NULL, NULL, NULL, NULL,
      NULL, NULL, NULL, NULL, '2025-01-01', NULL, 'fr', 0),
  (2100000111, pg_temp.fill(pg_temp.t('html'), 32), pg_temp.fill(upper(pg_temp.t('script')), 32), 'h111@example.invalid',
      NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '2025-01-01', NULL, 'fr', 0),
  (2100000112, 'Année', 'UN', 'h112@example.invalid', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
      '0001-01-01', '0001-01-01', 'fr', 0);
-- The 2,000 households of session 2100000010.
INSERT INTO "User" (id, "firstName", "lastName", email, phone, cdate)
  SELECT 2100010000 + g, 'Prénom' || g, 'FOYER-' || lpad(g::text, 4, '0') || CASE WHEN g % 97 = 0 THEN ' ' || pg_temp.t('emoji') ELSE '' END,
         'f' || g || '@example.invalid', '06 ' || lpad(g::text, 8, '0'), '2025-01-01'
  FROM generate_series(1, 2000) g;

INSERT INTO "Group" (id, name, "userId", "placeId", "imageId", "txtDistrib", flags, "hasMembership", "membershipRenewalDate",
                     "membershipFee", currency, "currencyCode", "checkOrder", "vatRates", "allowedPaymentsType", cdate, disabled) VALUES
  (2100000001, '../../etc', 2100000110, NULL, NULL, NULL, 0, true, '0001-01-01', -32768,
   pg_temp.fill('<b>€</b>', 12), '<s>', pg_temp.fill(pg_temp.t('script') || pg_temp.t('bidi'), 64),
   '{"5.5": "NaN", "20":', '["check", {"type": null}, 1e999', '0001-01-01', NULL);
-- 6,000 characters of notes: every trouble, then advice repeated.
UPDATE "Group" SET "txtDistrib" = pg_temp.fill(
    '<h1>Bienvenue&nbsp;!</h1>' || pg_temp.t('script') || '<SCRIPT src="//evil.example/x.js"></SCRIPT><style>body{display:none}</style>'
    || '<p onclick="alert(2)">Apportez vos sacs &amp; vos boîtes.</p><img src=x onerror=alert(3)>'
    || '<p>' || pg_temp.t('controls') || pg_temp.t('bidi') || pg_temp.t('emoji') || pg_temp.t('mojibake') || '</p>'
    || '<p>&#0; &#xD800; &#99999999999; &#x202E;inversé&#x202C;</p><!-- <script>evil()</script> --><scr<script>ipt>'
    || pg_temp.t('sql') || repeat('<p>Consigne <b>importante</b> : rapportez les bocaux consignés, merci.</p>', 100), 6000)
  WHERE id = 2100000001;

INSERT INTO "Place" (id, name, address1, address2, "zipCode", city, country, lat, lng, "groupId") VALUES
  (2100000001, pg_temp.fill(pg_temp.t('html') || pg_temp.t('bidi'), 64), pg_temp.fill(pg_temp.t('script'), 64),
   pg_temp.fill(pg_temp.t('controls'), 64), pg_temp.fill('{group} ', 32), pg_temp.fill(pg_temp.t('emoji'), 25), pg_temp.fill('../', 64),
   'NaN', '-Infinity', 2100000001),
  (2100000002, '', NULL, NULL, '', '', NULL, 1e300, NULL, 2100000001);
UPDATE "Group" SET "placeId" = 2100000001 WHERE id = 2100000001;

INSERT INTO "UserGroup" ("userId", "groupId", rights, balance)
  SELECT id, 2100000001, CASE id % 3 WHEN 0 THEN '{"right":' WHEN 1 THEN NULL ELSE '["GroupAdmin"]' END,
         CASE id % 4 WHEN 0 THEN 'NaN'::float8 WHEN 1 THEN 'Infinity' WHEN 2 THEN -1e300 ELSE 0 END
  FROM "User" WHERE id >= 2100000101;

INSERT INTO "Membership" ("userId", "groupId", year, date, amount, "distributionId", "operationId") VALUES
  (2100000101, 2100000001, 2026, '2026-10-22', 'NaN', NULL, NULL),
  (2100000102, 2100000001, 2026, '0001-01-01', -15, NULL, NULL),
  (2100000103, 2100000001, 1, '0001-01-01', 'Infinity', NULL, NULL),
  (2100000104, 2100000001, -2147483648, NULL, 1e300, NULL, NULL);

INSERT INTO "Vendor" (id, name, "peopleName", email, phone, address1, address2, "zipCode", city, "companyNumber", "userId", disabled, cdate) VALUES
  (2100000001, pg_temp.fill('Ferme ' || pg_temp.t('script') || pg_temp.t('bidi') || pg_temp.t('emoji') || ' ../../etc ', 128),
   pg_temp.fill(pg_temp.t('html'), 128), pg_temp.fill('ferme@example.invalid', 128), pg_temp.fill(pg_temp.t('controls'), 19),
   pg_temp.fill(pg_temp.t('mojibake'), 64), pg_temp.fill(pg_temp.t('sql'), 64), pg_temp.fill('<>', 32), pg_temp.fill('..', 25),
   pg_temp.fill('=1+1', 128), NULL, NULL, '0001-01-01');

INSERT INTO "Catalog" (id, name, type, "groupId", "vendorId", "userId", "startDate", "endDate", description, flags,
                       "distribMinOrdersTotal", "catalogMinOrdersTotal", "absentDistribsMaxNb", "absencesStartDate", "absencesEndDate",
                       "orderStartDaysBeforeDistrib", "orderEndHoursBeforeDistrib") VALUES
  (2100000021, pg_temp.fill(pg_temp.t('script') || ' variable ' || pg_temp.t('bidi'), 64), 1, 2100000001, 2100000001, 2100000110,
   '2026-01-01', '2026-12-31', pg_temp.fill(pg_temp.t('html'), 5000), -1, 'NaN', 'Infinity', -5, '2026-12-31', '2026-01-01', -2147483648, 2147483647),
  (2100000022, pg_temp.fill('Légumes ' || pg_temp.t('emoji') || pg_temp.t('controls'), 64), 0, 2100000001,
   (SELECT min(id) FROM "Vendor" WHERE id < 2100000000), NULL,
   '2026-09-01', '2027-06-30', NULL, 0, -1e300, 1e300, 2147483647, NULL, NULL, NULL, NULL),
  (2100000023, 'An 1', 1, 2100000001, 2100000001, NULL, '0001-01-01', '0001-12-31', NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL);

INSERT INTO "Product" (id, "catalogId", name, ref, price, vat, qt, "unitType", organic, "variablePrice", "multiWeight", bulk, active) VALUES
  (2100000301, 2100000021, pg_temp.fill('Panier ' || pg_temp.t('script') || ' ' || pg_temp.t('long') || ' ', 128), pg_temp.fill('<ref>', 32),
   12.5, 5.5, 1, 0, true, false, false, false, true),
  (2100000302, 2100000021, pg_temp.fill(pg_temp.t('html') || pg_temp.t('bidi'), 128), NULL, 'NaN', 'NaN', 'NaN', 1, false, true, true, true, true),
  (2100000303, 2100000021, pg_temp.fill(pg_temp.t('emoji') || pg_temp.t('controls'), 128), NULL, 'Infinity', 'Infinity', 'Infinity', 2, false, false, false, false, true),
  (2100000304, 2100000021, pg_temp.fill(pg_temp.t('mojibake'), 128), NULL, -4.2, -5.5, -1, 3, false, false, false, false, false),
  (2100000305, 2100000021, 'Graine ' || pg_temp.t('sql'), NULL, 1e-300, 1e300, 0, 32767, false, false, false, false, true),
  (2100000306, 2100000021, 'Poulet fermier', NULL, 1e300, 5.5, 1, -32768, false, true, true, false, true),
  (2100000307, 2100000021, 'Œufs', NULL, 3.2, 5.5, 12, 0, false, false, false, false, true),
  (2100000310, 2100000022, pg_temp.fill('Panier <b>petit</b> ' || pg_temp.t('bidi'), 128), NULL, 12, 5.5, 1, 0, true, false, false, false, true),
  (2100000311, 2100000022, pg_temp.fill(pg_temp.t('long') || ' ', 128), NULL, '-Infinity', 5.5, 1, 0, true, false, false, false, true),
  (2100000320, 2100000023, 'Pain de l''an 1', NULL, 2, 5.5, 1, 0, false, false, false, false, true);

INSERT INTO "MultiDistrib" (id, "groupId", "placeId", "distribStartDate", "distribEndDate", "orderStartDate", "orderEndDate", "volunteerRolesIds") VALUES
  (2100000010, 2100000001, 2100000001, '2026-10-22 18:00', '2026-10-22 19:30', '2026-10-01', '2026-10-20 23:59', '2100000701,2100000702,,x,-1,99999999999,2100000701'),
  (2100000011, 2100000001, 2100000002, '2026-10-25 02:30', '2026-10-25 02:15', '2026-10-25 02:59', '2026-10-25 02:00', E'\x01'),
  (2100000012, 2100000001, 2100000001, '2026-03-29 02:30', '2026-03-29 03:30', NULL, NULL, ''),
  (2100000013, 2100000001, 2100000002, '0001-01-01 09:00', '0001-01-01 10:00', '0001-01-01', '0001-01-01', NULL),
  (2100000014, 2100000001, 2100000001, '2026-10-23 18:00', '2026-10-23 19:00', NULL, NULL, NULL);

INSERT INTO "VolunteerRole" (id, name, "groupId", "catalogId", "enabledByDefault") VALUES
  (2100000701, pg_temp.fill(pg_temp.t('script') || pg_temp.t('bidi'), 64), 2100000001, NULL, true),
  (2100000702, pg_temp.fill(pg_temp.t('controls') || pg_temp.t('emoji'), 64), 2100000001, 2100000021, false);
INSERT INTO "Volunteer" ("userId", "multiDistribId", "volunteerRoleId") VALUES
  (2100000104, 2100000010, 2100000701), (2100000105, 2100000010, 2100000702), (2100000101, 2100000010, 2100000701);

INSERT INTO "Distribution" (id, "catalogId", "multiDistribId", "placeId", date, "end", "orderStartDate", "orderEndDate", quantities) VALUES
  (2100000100, 2100000021, 2100000010, 2100000001, '2026-10-22 18:00', '2026-10-22 19:30', '2026-10-01', '2026-10-20 23:59', 1),
  (2100000101, 2100000022, 2100000010, 2100000001, '2026-10-22 18:00', '2026-10-22 19:30', NULL, NULL, 2),
  (2100000102, 2100000022, 2100000011, 2100000002, '2026-10-25 02:30', '2026-10-25 02:15', NULL, NULL, 0),
  (2100000103, 2100000021, 2100000011, 2100000002, '2026-10-25 02:30', NULL, NULL, NULL, -1),
  (2100000104, 2100000021, 2100000012, 2100000001, '2026-03-29 02:30', '2026-03-29 03:30', NULL, NULL, 1),
  (2100000105, 2100000023, 2100000013, 2100000002, '0001-01-01 09:00', '0001-01-01 10:00', NULL, NULL, 1),
  (2100000106, 2100000021, 2100000014, 2100000001, '2026-10-23 18:00', '2026-10-23 19:00', NULL, NULL, 1);

INSERT INTO "Subscription" (id, "userId", "userId2", "catalogId", "startDate", "endDate", "defaultOrders", "absentDistribIds") VALUES
  (2100000501, 2100000101, 2100000108, 2100000022, '2026-09-01', '2027-06-30', '{"productId":"<script>"', '1,,x,99999'),
  (2100000502, 2100000102, NULL, 2100000022, '2026-09-01', '2027-06-30', '[{"productId":2100000310,"quantity":1e999}]', E'2100000102,\x01,../../,99999999999999999999,-1'),
  (2100000503, 2100000105, NULL, 2100000022, '2027-06-30', '2026-09-01', 'null', ',,,'),
  (2100000504, 2100000109, NULL, 2100000022, '0001-01-01', '9999-12-31', '', '2100000101'),
  (2100000510, 2100000101, NULL, 2100000021, '2026-01-01', '2026-12-31', NULL, NULL),
  (2100000511, 2100000102, NULL, 2100000021, '2026-01-01', '2026-12-31', NULL, NULL),
  (2100000512, 2100000103, NULL, 2100000021, '2026-01-01', '2026-12-31', NULL, NULL),
  (2100000513, 2100000104, NULL, 2100000021, '2026-01-01', '2026-12-31', NULL, NULL),
  (2100000514, 2100000106, NULL, 2100000021, '2026-01-01', '2026-12-31', NULL, NULL),
  (2100000515, 2100000107, NULL, 2100000021, '2026-01-01', '2026-12-31', NULL, NULL),
  (2100000516, 2100000111, NULL, 2100000021, '2026-01-01', '2026-12-31', NULL, NULL),
  (2100000517, 2100000112, NULL, 2100000023, '0001-01-01', '0001-12-31', NULL, NULL);
INSERT INTO "Subscription" (id, "userId", "catalogId", "startDate", "endDate")
  SELECT 2100300000 + g, 2100010000 + g, 2100000021, '2026-01-01', '2026-12-31' FROM generate_series(1, 2000) g;

INSERT INTO "Basket" (id, "userId", "multiDistribId", num, cdate, total, status, data) VALUES
  (2100000201, 2100000101, 2100000010, 1, '2026-10-01', 'NaN', 'CONFIRMED', '{"x":'),
  (2100000202, 2100000102, 2100000010, 0, '2026-10-01', 'Infinity', 'VALIDATED', NULL),
  (2100000203, 2100000103, 2100000010, -7, '2026-10-01', NULL, 'CONFIRMED', NULL),
  (2100000204, 2100000104, 2100000010, 2147483647, '2026-10-01', NULL, 'CONFIRMED', NULL),
  (2100000205, 2100000105, 2100000010, 5, '2026-10-01', NULL, '<script>', NULL),
  (2100000206, 2100000106, 2100000010, 5, '2026-10-01', NULL, 'CONFIRMED', NULL),
  (2100000207, 2100000107, 2100000010, 7, '2026-10-01', NULL, 'CONFIRMED', NULL),
  (2100000208, 2100000109, 2100000010, 9, '2026-10-01', NULL, 'CONFIRMED', NULL),
  (2100000209, 2100000111, 2100000010, 11, '2026-10-01', NULL, 'CONFIRMED', NULL),
  (2100000210, 2100000101, 2100000011, 1, '2026-10-01', NULL, 'CONFIRMED', NULL),
  (2100000211, 2100000102, 2100000012, 1, '2026-03-01', NULL, 'CONFIRMED', NULL),
  (2100000212, 2100000112, 2100000013, 1, '0001-01-01', NULL, 'VALIDATED', NULL),
  (2100000213, NULL, 2100000010, 13, '2026-10-01', NULL, 'CONFIRMED', NULL),
  (2100000214, 2100000102, 2100000011, 2, '2026-10-01', NULL, 'CONFIRMED', NULL),
  (2100000215, 2100000103, 2100000011, 3, '2026-10-01', NULL, 'CONFIRMED', NULL),
  (2100000216, 2100000104, 2100000014, 1, '2026-10-01', NULL, 'CONFIRMED', NULL),
  (2100000217, 2100000105, 2100000014, 2, '2026-10-01', NULL, 'CONFIRMED', NULL),
  (2100000218, 2100000107, 2100000014, 3, '2026-10-01', NULL, 'CONFIRMED', NULL),
  (2100000219, 2100000104, 2100000011, 4, '2026-10-01', NULL, 'CONFIRMED', NULL),
  (2100000220, 2100000105, 2100000011, 5, '2026-10-01', NULL, 'CONFIRMED', NULL);
INSERT INTO "Basket" (id, "userId", "multiDistribId", num, cdate, status)
  SELECT 2100100000 + g, 2100010000 + g, 2100000010, 100 + g, '2026-10-01', 'CONFIRMED' FROM generate_series(1, 2000) g;

-- The demo's lowest product: another group's, ordered here.
CREATE TEMPORARY TABLE foreign_product ON COMMIT DROP AS
  SELECT min(id) AS id FROM "Product" WHERE id < 2100000000;

INSERT INTO "UserOrder" (id, "userId", "userId2", "productId", "distributionId", "basketId", "subscriptionId", quantity, "productPrice", "feesRate", paid, date, flags) VALUES
  (2100000401, 2100000101, NULL, 2100000301, 2100000100, 2100000201, 2100000510, 1, 12.5, 0, false, '2026-10-01', 0),
  (2100000402, 2100000101, NULL, 2100000307, 2100000100, 2100000201, 2100000510, 2, 3.2, 'NaN', false, '2026-10-01', 0),
  (2100000403, 2100000102, NULL, 2100000302, 2100000103, 2100000214, 2100000511, 'NaN', 'NaN', 0, false, '2026-10-01', 0),
  (2100000404, 2100000103, NULL, 2100000303, 2100000103, 2100000215, 2100000512, 'Infinity', 'Infinity', 0, false, '2026-10-01', 0),
  (2100000405, 2100000103, NULL, 2100000304, 2100000103, 2100000215, 2100000512, '-Infinity', 2, 0, false, '2026-10-01', 0),
  (2100000406, 2100000104, NULL, 2100000304, 2100000100, 2100000204, 2100000513, -3, -4.2, 0, false, '2026-10-01', 0),
  (2100000407, 2100000104, NULL, 2100000305, 2100000103, 2100000219, 2100000513, 1e300, 1e-300, 0, false, '2026-10-01', 0),
  (2100000408, 2100000105, NULL, 2100000306, 2100000103, 2100000220, NULL, 1e300, 1e300, 0, false, '2026-10-01', 0),
  (2100000409, 2100000106, NULL, (SELECT id FROM foreign_product), 2100000100, 2100000206, 2100000514, 1, 2.5, 0, false, '2026-10-01', 0),
  -- Two lines of 9 × 10^16 € (each just fits in 64-bit cents, not their sum), one of 10^19 €.
  (2100000410, 2100000107, NULL, 2100000307, 2100000106, 2100000218, 2100000515, 9e13, 1000, 0, false, '2026-10-01', 0),
  (2100000411, 2100000107, NULL, 2100000307, 2100000106, 2100000218, 2100000515, 9e13, 1000, 0, false, '2026-10-01', 0),
  (2100000415, 2100000107, NULL, 2100000301, 2100000106, 2100000218, 2100000515, 1e15, 1e4, 0, false, '2026-10-01', 0),
  (2100000412, 2100000111, NULL, 2100000301, 2100000100, 2100000209, 2100000516, -0.0, 12.5, 0, false, '2026-10-01', 0),
  (2100000413, 2100000111, NULL, 2100000307, 2100000100, 2100000209, 2100000516, 0.333333333333, 3.333333333333, 0, false, '2026-10-01', 0),
  (2100000414, 2100000109, NULL, 2100000307, 2100000100, 2100000213, NULL, 1, 3.2, 0, false, '2026-10-01', 0),
  -- The classic contract (duplicated by quantities = 2, zero at the DST session).
  (2100000420, 2100000101, 2100000108, 2100000310, 2100000101, 2100000201, 2100000501, 1, 12, 0, false, '2026-09-01', 1),
  (2100000421, 2100000102, NULL, 2100000311, 2100000102, 2100000214, 2100000502, 2, '-Infinity', 0, false, '2026-09-01', 0),
  (2100000422, 2100000105, NULL, 2100000310, 2100000101, 2100000205, 2100000503, 1, 12, 0, false, '2026-09-01', 0),
  (2100000423, 2100000109, NULL, 2100000310, 2100000101, 2100000208, 2100000504, 1, 12, 0, false, '2026-09-01', 0),
  (2100000424, 2100000101, 2100000108, 2100000310, 2100000102, 2100000210, 2100000501, 1, 12, 0, false, '2026-09-01', 0),
  (2100000425, 2100000109, NULL, (SELECT id FROM foreign_product), 2100000102, 2100000210, 2100000504, 1, 1, 0, false, '2026-09-01', 0),
  -- The sessions on the daylight-saving changes and in year 1.
  (2100000430, 2100000101, NULL, 2100000307, 2100000103, 2100000210, 2100000510, 1, 3.2, 0, false, '2026-10-25 02:30', 0),
  (2100000431, 2100000102, NULL, 2100000307, 2100000104, 2100000211, 2100000511, 1, 3.2, 0, false, '2026-03-29 02:30', 0),
  (2100000432, 2100000112, NULL, 2100000320, 2100000105, 2100000212, 2100000517, 1, 2, 0, false, '0001-01-01', 0);
-- The 2,000 households: one or two lines each.
INSERT INTO "UserOrder" (id, "userId", "productId", "distributionId", "basketId", "subscriptionId", quantity, "productPrice", date)
  SELECT 2100200000 + 2 * g + k, 2100010000 + g, CASE k WHEN 0 THEN 2100000301 ELSE 2100000307 END, 2100000100, 2100100000 + g,
         2100300000 + g, 1 + g % 3, CASE k WHEN 0 THEN 12.5 ELSE 3.2 END, '2026-10-01'
  FROM generate_series(1, 2000) g, generate_series(0, 1) k WHERE k = 0 OR g % 2 = 0;

INSERT INTO "Operation" (id, "userId", "groupId", type, name, amount, date, pending, "subscriptionId", "relationId", "basketId", data) VALUES
  (2100000601, 2100000101, 2100000001, 2, pg_temp.fill('Chèque ' || pg_temp.t('script') || pg_temp.t('bidi') || ' n°1234567 ', 128),
   30, '2026-10-01', false, 2100000501, NULL, NULL, '{"type":"check"}'),
  (2100000602, 2100000102, 2100000001, 2, 'Remboursement', -1e6, '2026-10-02', false, 2100000502, NULL, NULL, 'not json'),
  (2100000603, 2100000105, 2100000001, 2, pg_temp.fill(pg_temp.t('emoji') || pg_temp.t('controls'), 128), 'NaN', '2026-10-03', true, 2100000503, NULL, NULL, '{"type":'),
  (2100000604, 2100000109, 2100000001, 2, '=HYPERLINK("http://evil","clic")', 'Infinity', '2026-10-04', false, 2100000504, NULL, NULL, '{"type": 3}'),
  (2100000605, 2100000101, 2100000001, 2, pg_temp.fill(pg_temp.t('sql'), 128), 1e300, '0001-01-01', false, 2100000501, NULL, NULL, '[]'),
  (2100000606, 2100000102, 2100000001, 2, pg_temp.fill(pg_temp.t('mojibake'), 128), -0.001, '2026-10-25 02:30', false, 2100000502, 2100000602, NULL, '{"type":"<script>"}'),
  (2100000607, 2100000101, 2100000001, 1, 'Total', -24, '2026-09-01', false, 2100000501, NULL, NULL, E'{"type":"check"\x01}'),
  (2100000608, 2100000101, 2100000001, 2, '', 12.5, '2026-10-05', false, 2100000510, NULL, 2100000201, '{"type":"check","type":"cash"}'),
  (2100000609, 2100000102, 2100000001, 2, 'Chèque n°' || repeat('9', 40), 1e-300, '2026-10-05', false, 2100000511, NULL, NULL, '{"type":"check"}'),
  (2100000610, 2100000103, 2100000001, 2, 'Chèque', '-Infinity', '2026-10-05', false, 2100000512, NULL, NULL, '{"type":"check"}'),
  (2100000611, 2100000112, 2100000001, 2, 'Chèque de l''an 1', 2, '0001-01-01', false, 2100000517, NULL, NULL, '{"type":"check"}');
-- A check from a few of the 2,000 households.
INSERT INTO "Operation" (id, "userId", "groupId", type, name, amount, date, pending, "subscriptionId", data)
  SELECT 2100400000 + g, 2100010000 + g, 2100000001, 2, 'Chèque n°' || g, 12.5 * (1 + g % 3), '2026-10-05', false, 2100300000 + g, '{"type":"check"}'
  FROM generate_series(1, 2000, 10) g;

COMMIT;
