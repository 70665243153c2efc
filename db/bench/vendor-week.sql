-- One farm (vendor 900001, "Ferme du Grand Banc") delivering :groups groups in ISO week 2026-W49,
-- each with :households households ordering :products_per products (one line each): with the
-- defaults, 25 × 200 × 10 = 50,000 order lines in one week, the size the farmers' workbook must
-- write in under 100 MB. Every third household shares its basket in alternation (userId2), and
-- the prices have three decimals so that half-cents are rounded. Loaded next to the CAMAP replica
-- by scripts/bench-orders; ids start at 900001 to stay clear of other data.
\set ON_ERROR_STOP on
\if :{?groups} \else \set groups 25 \endif
\if :{?households} \else \set households 200 \endif
\if :{?products_per} \else \set products_per 10 \endif
BEGIN;
INSERT INTO "Vendor" (id, name, email, cdate) VALUES (900001, 'Ferme du Grand Banc', 'grandbanc@example.fr', '2025-01-01');
INSERT INTO "Group" (id, name, flags, "hasMembership", cdate)
SELECT 900000 + g, 'AMAP n° ' || g || ' des Coteaux', CASE WHEN g % 5 = 0 THEN 64 ELSE 0 END, true, '2025-01-01'
FROM generate_series(1, :groups) g;
INSERT INTO "Place" (id, name, address1, "zipCode", city, "groupId")
SELECT 900000 + g, 'Salle ' || g, '1 rue de la Gare', '44000', 'Nantes', 900000 + g FROM generate_series(1, :groups) g;
INSERT INTO "Catalog" (id, name, type, "groupId", "vendorId", "startDate", "endDate")
SELECT 900000 + g, 'Légumes et œufs', 1, 900000 + g, 900001, '2026-09-01', '2027-08-31' FROM generate_series(1, :groups) g;
INSERT INTO "Product" (id, "catalogId", name, price, vat, qt, "unitType", bulk, "variablePrice", "multiWeight")
SELECT 900000 + g * 100 + p, 900000 + g,
       (ARRAY['Panier de légumes', 'Œufs (boîte de 6)', 'Pommes de terre', 'Carottes', 'Poireaux', 'Salade',
              'Courge butternut', 'Oignons', 'Jus de pomme', 'Miel de châtaignier'])[1 + (p - 1) % 10]
         || CASE WHEN p > 10 THEN ' ' || p ELSE '' END,
       1.005 + p * 0.75, CASE WHEN p % 9 = 0 THEN 20 ELSE 5.5 END, 1, CASE WHEN p % 3 = 0 THEN 1 ELSE 0 END,
       p % 3 = 0, false, false
FROM generate_series(1, :groups) g, generate_series(1, :products_per) p;
INSERT INTO "MultiDistrib" (id, "groupId", "placeId", "distribStartDate", "distribEndDate")
SELECT 900000 + g, 900000 + g, 900000 + g,
       timestamp '2026-11-30 17:00' + ((g - 1) % 6) * interval '1 day',
       timestamp '2026-11-30 19:00' + ((g - 1) % 6) * interval '1 day'
FROM generate_series(1, :groups) g;
INSERT INTO "Distribution" (id, "catalogId", "multiDistribId", "placeId", date, "end")
SELECT 900000 + g, 900000 + g, 900000 + g, 900000 + g,
       timestamp '2026-11-30 17:00' + ((g - 1) % 6) * interval '1 day',
       timestamp '2026-11-30 19:00' + ((g - 1) % 6) * interval '1 day'
FROM generate_series(1, :groups) g;
INSERT INTO "User" (id, "firstName", "lastName", email, phone, cdate)
SELECT 900000 + u, 'Prénom' || u, 'NOM' || lpad(u::text, 6, '0'), 'membre' || u || '@example.fr',
       '06 ' || lpad((u % 100)::text, 2, '0') || ' 00 00 00', '2025-01-01'
FROM generate_series(1, :groups * :households) u;
INSERT INTO "Basket" (id, "userId", "multiDistribId", num, cdate, status)
SELECT 900000 + (g - 1) * :households + h, 900000 + (g - 1) * :households + h, 900000 + g, h, '2026-11-20', 'CONFIRMED'
FROM generate_series(1, :groups) g, generate_series(1, :households) h;
INSERT INTO "UserOrder" (id, "userId", "userId2", "productId", "distributionId", "basketId", quantity, "productPrice", date, flags)
SELECT 900000 + ((g - 1) * :households + h - 1) * :products_per + p,
       900000 + (g - 1) * :households + h,
       CASE WHEN h % 3 = 0 AND h > 1 THEN 900000 + (g - 1) * :households + h - 1 END,
       900000 + g * 100 + p, 900000 + g, 900000 + (g - 1) * :households + h,
       CASE WHEN p % 3 = 0 THEN 0.5 + (h % 7) * 0.25 ELSE 1 + h % 3 END, 1.005 + p * 0.75, '2026-11-20', h % 2
FROM generate_series(1, :groups) g, generate_series(1, :households) h, generate_series(1, :products_per) p;
COMMIT;
ANALYZE;
