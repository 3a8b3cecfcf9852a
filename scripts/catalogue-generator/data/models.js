/** Models of the vehicle base, and the chassis and make tables derived from them. */
"use strict"

// make|model|from|to|body|chassis|engines
const MODELS_TXT = `
Peugeot|405|1987|1997|berline|psa_405|xu5,xud9
Peugeot|406|1995|2004|berline|psa_406|ew10,dw10
Peugeot|206|1998|2010|citadine|psa_pf1a|tu1,tu3,dv4,dw8
Peugeot|206+|2009|2013|citadine|psa_pf1a|tu1,tu3,dv4c
Peugeot|207|2006|2014|citadine|psa_pf1b|tu3,ep3,dv4c,dv6a
Peugeot|208 I|2012|2019|citadine|psa_pf1b|eb0,eb2,dv4c,dv6c
Peugeot|208 II|2019||citadine|psa_cmp|eb2,eb2t,dv5
Peugeot|301|2012||berline|psa_pf1b|eb2,ec5,dv6c,dv6fd
Peugeot|307|2001|2008|berline|psa_pf2a|tu3,tu5,dv6a,dw10
Peugeot|308 I|2007|2013|berline|psa_pf2|ep6,dv6a,dv6c115
Peugeot|308 II|2013|2021|berline|psa_emp2|eb2t,dv6fc,dv5
Peugeot|2008 I|2013|2019|suv|psa_pf1b|eb2,ep6,dv6c,dv6fd
Peugeot|2008 II|2019||suv|psa_cmp|eb2t,eb2ts,dv5
Peugeot|3008 I|2009|2016|suv|psa_pf2|ep6,dv6c115,dw10b
Peugeot|3008 II|2016||suv|psa_emp2|eb2ts,dv5c,dw10f
Peugeot|5008 II|2017||suv|psa_emp2|eb2ts,dv5c
Peugeot|508 I|2011|2018|berline|psa_pf2|ep6t,dv6c115,dw10b
Peugeot|107|2005|2014|citadine|toy_aygo|1kr,dv4
Peugeot|108|2014|2021|citadine|toy_aygo|1kr
Peugeot|Partner I|1996|2008|utilitaire|psa_m49|tu3,dw8,dv6a
Peugeot|Partner II|2008|2018|utilitaire|psa_b9|tu5,dv6a,dv6c
Peugeot|Rifter|2018||monospace|psa_emp2k|eb2t,dv5
Peugeot|Expert III|2016||utilitaire|psa_emp2k|dv6fc,dw10f
Peugeot|Boxer III|2006||utilitaire|sevel|dw12,dw10fu
Peugeot|Bipper|2008|2017|utilitaire|fiat_fiorino|tu3,mj13
Citroën|C1 I|2005|2014|citadine|toy_aygo|1kr,dv4
Citroën|C3 I|2002|2009|citadine|psa_pf1a|tu1,tu3,dv4
Citroën|C3 II|2009|2016|citadine|psa_pf1b|tu1,eb2,dv4c,dv6c
Citroën|C3 III|2016||citadine|psa_pf1c|eb2,eb2t,dv6fd,dv5
Citroën|DS3|2010|2019|citadine|psa_pf1b|ep3,eb2t,dv6c
Citroën|C-Elysée|2012||berline|psa_pf1b|eb2,ec5,dv6c,dv6fd
Citroën|C4 I|2004|2010|berline|psa_pf2a|tu5,dv6a
Citroën|C4 II|2010|2018|berline|psa_pf2|ep6,dv6c,dv6fc
Citroën|C4 Picasso II|2013|2022|monospace|psa_emp2|eb2t,dv6fc,dw10f
Citroën|C4 Cactus|2014|2020|suv|psa_pf1c|eb2,dv6fd
Citroën|C5 Aircross|2018||suv|psa_emp2|eb2ts,dv5c
Citroën|Berlingo I|1996|2010|utilitaire|psa_m49|tu3,dw8,dv6a
Citroën|Berlingo II|2008|2018|utilitaire|psa_b9|tu5,dv6a,dv6c
Citroën|Berlingo III|2018||utilitaire|psa_emp2k|eb2t,dv5,dv5c
Citroën|Jumpy III|2016||utilitaire|psa_emp2k|dv6fc,dw10f
Citroën|Jumper III|2006||utilitaire|sevel|dw12,dw10fu
Citroën|Nemo|2008|2017|utilitaire|fiat_fiorino|tu3,mj13
Renault|Clio II|1998|2012|citadine|ren_b|d7f,k7j,k9ka
Renault|Clio III|2005|2014|citadine|ren_clio3|d4f,k4m,k9kc
Renault|Clio IV|2012|2019|citadine|ren_cmfb|d4f,h4bt,k9kc
Renault|Clio V|2019||citadine|ren_cmfb2|h4d,h4dt,k9ke
Renault|Symbol I|1999|2008|berline|ren_b|k7j,k9ka
Renault|Symbol II|2008|2013|berline|ren_b|k7j,k9kb
Renault|Symbol III|2013|2021|berline|ren_b0|d4f,k9kc
Renault|Mégane II|2002|2009|berline|ren_c2|k4m,k9kc,f9q
Renault|Mégane III|2008|2016|berline|ren_c3|k4m,h5ft,k9kd
Renault|Mégane IV|2016||berline|ren_cmfcd|h5ht,k9kf
Renault|Fluence|2010|2016|berline|ren_c3|k4m,m4r,k9kd
Renault|Scénic III|2009|2016|monospace|ren_c3|k4m,k9kd
Renault|Captur I|2013|2019|suv|ren_cmfb|h4bt,h5ft,k9kc
Renault|Captur II|2019||suv|ren_cmfb2|h4dt,h5ht,k9kf
Renault|Kadjar|2015|2022|suv|ren_cmfcd|h5ft,k9kd,r9m
Renault|Koleos II|2016||suv|ren_cmfcd|mr20,m9r
Renault|Kangoo I|1997|2008|utilitaire|ren_b|d7f,k7j,k9ka
Renault|Kangoo II|2008|2021|utilitaire|ren_kangoo2|k4m,k9kc,k9kd
Renault|Trafic III|2014||utilitaire|ren_trafic3|r9m
Renault|Master III|2010||utilitaire|ren_master3|m9t
Renault|Talisman|2015|2022|berline|ren_cmfcd|h5ht,r9m
Renault|Express|2021||utilitaire|ren_cmfb2|h4d,k9ke
Dacia|Logan I|2004|2012|berline|ren_b|k7j,k7m,k9kb
Dacia|Logan II|2012|2020|berline|ren_b0|k7m,h4bt,k9kc
Dacia|Logan III|2020||berline|ren_cmfb2|h4d,h4dt
Dacia|Sandero I|2008|2012|citadine|ren_b|k7j,k7m,k9kb
Dacia|Sandero II|2012|2020|citadine|ren_b0|d4f,k7m,h4bt,k9kc
Dacia|Sandero III|2020||citadine|ren_cmfb2|h4d,h4dt
Dacia|Duster I|2010|2017|suv|ren_b0d|k4m,k9kd
Dacia|Duster II|2017|2024|suv|ren_b0d|h4m,h5ht,k9kf
Dacia|Dokker|2012|2021|utilitaire|ren_b0k|k7m,k9kc
Dacia|Lodgy|2012|2022|monospace|ren_b0k|k7m,k9kd
Dacia|Jogger|2022||monospace|ren_cmfb2|h4dt
Nissan|Micra K12|2003|2010|citadine|ren_clio3|cr12,k9ka
Nissan|Micra K13|2010|2017|citadine|nis_v|hr12
Nissan|Micra K14|2017||citadine|ren_cmfb|h4bt,k9kc
Nissan|Note E11|2006|2013|monospace|ren_clio3|hr16,k9kc
Nissan|Sunny N17|2011|2019|berline|nis_v|hr15
Nissan|Juke F15|2010|2019|suv|nis_b|hr16,k9kd
Nissan|Qashqai J10|2007|2013|suv|nis_c1|hr16,mr20,k9kd
Nissan|Qashqai J11|2014|2021|suv|ren_cmfcd|h5ft,k9kd,r9m
Nissan|X-Trail T31|2007|2014|suv|nis_c1|mr20,m9r
Nissan|X-Trail T32|2014|2022|suv|ren_cmfcd|r9m,m9r
Nissan|Navara D40|2005|2015|pick-up|nis_d40|yd25b,yd25
Nissan|Navara D23|2015||pick-up|nis_d23|ys23
Nissan|Pick-up D22|2001|2015|pick-up|nis_d22|yd25b
Volkswagen|Polo IV|2001|2009|citadine|pq24|bky,bnv
Volkswagen|Polo V|2009|2017|citadine|pq25|cgpa,cggb,cayb
Volkswagen|Polo VI|2017||citadine|mqb_a0|chyb,dkla,dgta
Volkswagen|Golf IV|1997|2006|berline|golf4|axp,akl,axr
Volkswagen|Golf V|2003|2009|berline|pq35|bse,bxe,bkd
Volkswagen|Golf VI|2008|2013|berline|pq35|caxa,cayc,cffb
Volkswagen|Golf VII|2012|2020|berline|mqb|cjza,czca,cxxb,crbc
Volkswagen|Golf VIII|2019||berline|mqb8|dada,dtta
Volkswagen|Jetta VI|2010|2018|berline|pq35|cwva,caxa,cayc
Volkswagen|Passat B6|2005|2010|berline|pq46|bse,bxe,bkp
Volkswagen|Passat B7|2010|2014|berline|pq46|caxa,cayc,cffb
Volkswagen|Passat B8|2014||berline|mqb|czea,dfga
Volkswagen|Tiguan I|2007|2016|suv|pq35|caxa,cffb
Volkswagen|Tiguan II|2016||suv|mqb|czea,dfga
Volkswagen|T-Roc|2017||suv|mqb|dkrf,dada,dfga
Volkswagen|Caddy III|2004|2015|utilitaire|pq35c|bse,bls,cayc
Volkswagen|Caddy IV|2015|2020|utilitaire|pq35c|cjza,cxxb
Volkswagen|Amarok|2010|2020|pick-up|amarok|cdca,cnea
Volkswagen|Transporter T5|2003|2015|utilitaire|t5|axb,caac
Volkswagen|Transporter T6|2015||utilitaire|t5|cxha
Volkswagen|Up|2011|2023|citadine|nsf|chya
Volkswagen|Crafter I|2006|2016|utilitaire|sprinter906|cktb
Seat|Ibiza IV|2008|2017|citadine|pq25|cgpa,bxw,cayc
Seat|Ibiza V|2017||citadine|mqb_a0|chyb,dkla
Seat|Leon II|2005|2012|berline|pq35|bse,bxe,bkd
Seat|Leon III|2012|2020|berline|mqb|cjza,clha,crbc
Seat|Arona|2017||suv|mqb_a0|dkla,dgta
Seat|Ateca|2016||suv|mqb|czea,dfga
Seat|Toledo IV|2012|2019|berline|pq25|cjzc,cayc
Skoda|Fabia II|2007|2014|citadine|pq24|cgpa,bxw,cayb
Skoda|Fabia III|2014|2021|citadine|pq26|chyb,cjzc,cusb
Skoda|Octavia II|2004|2013|berline|pq35|bse,bxe,bkd
Skoda|Octavia III|2013|2020|berline|mqb|cjza,clha,crbc
Skoda|Octavia IV|2020||berline|mqb8|dada,dtta
Skoda|Rapid|2012|2019|berline|pq25|cwva,cbzb,cayc
Skoda|Superb II|2008|2015|berline|pq46|cdhb,cffb
Skoda|Kodiaq|2016||suv|mqb|czea,dfga
Skoda|Karoq|2017||suv|mqb|dkrf,dfga
Audi|A1 8X|2010|2018|citadine|pq25|cbza,cayb
Audi|A3 8P|2003|2012|berline|pq35|bse,bxe,bkd
Audi|A3 8V|2012|2020|berline|mqb|czca,clha,crbc
Audi|A4 B8|2007|2015|berline|mlb|cdhb,caga
Audi|Q3 8U|2011|2018|suv|pq35|czea,cffb
Kia|Picanto I|2004|2011|citadine|hk_a|g4he,g4hg
Kia|Picanto II|2011|2017|citadine|hk_a2|g3la,g4la
Kia|Picanto III|2017||citadine|hk_a3|g3la,g4la
Kia|Rio III|2011|2017|citadine|hk_b|g4la,g4fa,d4fc
Kia|Rio IV|2017||citadine|hk_b2|g4la,g4lc
Kia|Stonic|2017||suv|hk_b2|g4lc,g3lc
Kia|Cerato III|2013|2018|berline|hk_c|g4fg,d4fb
Kia|Cerato IV|2018||berline|hk_c2|g4fg
Kia|Ceed II|2012|2018|berline|hk_c|g4fc,d4fb
Kia|Sportage III|2010|2015|suv|hk_suv1|g4fd,d4ha
Kia|Sportage IV|2016|2021|suv|hk_suv2|g4fd,d4fd,d4ha
Kia|Sportage V|2021||suv|hk_suv3|g4ft,d4fe
Kia|K2700|2004|2021|utilitaire|hk_truck|j2
Kia|K2500|2004||utilitaire|hk_truck|d4bh
Hyundai|Atos|1998|2014|citadine|hk_a|g4hg
Hyundai|i10 I|2007|2013|citadine|hk_a|g4hg,g4la
Hyundai|i10 II|2013|2019|citadine|hk_a2|g3la,g4la
Hyundai|i10 III|2019||citadine|hk_a3|g3la,g4la
Hyundai|i20 I|2008|2014|citadine|hk_b|g4la,g4fa,d4fc
Hyundai|i20 II|2014|2020|citadine|hk_b2|g4la,g4fa,d4fc
Hyundai|Accent RB|2011|2017|berline|hk_b|g4fa,g4fc,d4fb
Hyundai|Accent HC|2017||berline|hk_b2|g4lc,g4fg
Hyundai|Elantra V|2010|2015|berline|hk_c|g4fg,d4fb
Hyundai|Elantra VI|2015|2020|berline|hk_c2|g4fg,g4na
Hyundai|i30 II|2011|2016|berline|hk_c|g4fc,d4fb
Hyundai|ix35|2009|2015|suv|hk_suv1|g4na,d4ha
Hyundai|Tucson III|2015|2020|suv|hk_suv2|g4fd,g4na,d4ha
Hyundai|Tucson IV|2020||suv|hk_suv3|g4ft,d4fe
Hyundai|Creta|2015||suv|hk_creta|g4fg,d4fb
Hyundai|H-1|2007|2021|utilitaire|hk_h1|d4cb
Hyundai|H100|1996|2014|utilitaire|hk_truck|d4bb
Hyundai|Porter|2004||utilitaire|hk_truck|d4cb
Fiat|Panda II|2003|2012|citadine|fiat_small|fire12,mj13
Fiat|Panda III|2012||citadine|fiat_small|fire12,mj13b
Fiat|500|2007||citadine|fiat_small|fire12,fire1416,mj13
Fiat|Grande Punto|2005|2012|citadine|fiat_punto|fire14,mj13,mj16
Fiat|Punto|2012|2018|citadine|fiat_punto|fire12,fire14,mj13b
Fiat|Albea|2002|2012|berline|fiat_siena|fire12,fire14
Fiat|Linea|2007|2015|berline|fiat_linea|fire14,mj13
Fiat|Doblo II|2010|2022|utilitaire|fiat_doblo|fire14,mj13b,mj16
Fiat|Fiorino III|2008||utilitaire|fiat_fiorino|fire14,mj13
Fiat|Tipo|2016||berline|fiat_tipo|fire1416,mj13b,mj16b
Fiat|Ducato III|2006||utilitaire|sevel|mj23
Opel|Corsa D|2006|2014|citadine|fiat_punto|z12xep,a14xer,a13dte
Opel|Corsa E|2014|2019|citadine|fiat_punto|a12xer,a14xer,a13dte
Opel|Corsa F|2019||citadine|psa_cmp|f12xe,d15dt
Opel|Astra J|2009|2015|berline|opel_astraj|a14xer,a17dts
Opel|Astra K|2015|2021|berline|opel_astrak|b10xft,b16dte
Opel|Combo D|2011|2018|utilitaire|fiat_doblo|fire14,mj13b,mj16
Opel|Mokka|2012|2019|suv|opel_mokka|a14net,a17dts
Opel|Movano B|2010||utilitaire|ren_master3|m9t
Opel|Vivaro B|2014|2019|utilitaire|ren_trafic3|r9m
Ford|Fiesta VI|2008|2017|citadine|ford_fiesta|stja,kvja,t1da
Ford|Fiesta VII|2017|2023|citadine|ford_fiesta7|m1ja,xujb
Ford|Focus II|2004|2011|berline|ford_focus2|hwda,g8db
Ford|Focus III|2011|2018|berline|ford_focus3|pnda,m1da,t1da,xxda
Ford|EcoSport II|2013|2022|suv|ford_fiesta|m1da,xujb
Ford|Kuga II|2012|2019|suv|ford_focus3|m1da,t7ma
Ford|Ka II|2008|2016|citadine|fiat_small|fire12
Ford|Ranger T6|2011|2022|pick-up|ford_ranger|qj2r,sa2w
Ford|Transit VII|2006|2014|utilitaire|ford_transit|drff
Ford|Transit Custom|2012||utilitaire|ford_custom|drff,ymf6
Toyota|Aygo I|2005|2014|citadine|toy_aygo|1kr,dv4
Toyota|Aygo II|2014|2022|citadine|toy_aygo|1kr
Toyota|Yaris II|2005|2011|citadine|toy_yaris|1kr,2sz,1nd
Toyota|Yaris III|2011|2020|citadine|toy_yaris|1kr,1nr,1nd
Toyota|Yaris IV|2020||citadine|toy_tngab|m15a,m15h
Toyota|Yaris Sedan|2013|2020|berline|toy_vios|2nr
Toyota|Corolla E150|2007|2013|berline|toy_corolla|1zr,1nd
Toyota|Corolla E170|2013|2019|berline|toy_corolla|1zr,1nd
Toyota|Corolla E210|2019||berline|toy_tngac|1zr,2zrh
Toyota|C-HR|2016||suv|toy_tngac|2zrh
Toyota|RAV4 IV|2013|2018|suv|toy_rav4|3zr
Toyota|Hilux VII|2005|2015|pick-up|toy_hilux7|2kd,1kd
Toyota|Hilux VIII|2015||pick-up|toy_hilux8|2gd,1gd
Toyota|Land Cruiser Prado 150|2009||suv|toy_prado|1kd,1gd
Toyota|Fortuner I|2005|2015|suv|toy_hilux7|2kd,1kd
Toyota|Hiace V|2004|2019|utilitaire|toy_hiace|2kd
Suzuki|Alto|2009|2014|citadine|suz_alto|k10b
Suzuki|Celerio|2014||citadine|suz_alto|k10b
Suzuki|Swift III|2005|2010|citadine|suz_swift3|m13a,ddis13
Suzuki|Swift IV|2010|2017|citadine|suz_swift4|k12b,ddis13
Suzuki|Swift V|2017||citadine|suz_swift5|k12m
Suzuki|Dzire|2017||berline|suz_swift5|k12m
Suzuki|Vitara IV|2015||suv|suz_vitara|m16a,k14c,d16aa
Suzuki|S-Cross|2013|2021|suv|suz_vitara|m16a,d16aa
Suzuki|Jimny IV|2018||suv|suz_jimny|k15b
Mercedes-Benz|Classe C W204|2007|2014|berline|mb_w204|m271,om651
Mercedes-Benz|Classe C W205|2014|2021|berline|mb_w205|m274,om654
Mercedes-Benz|Classe E W212|2009|2016|berline|mb_w212|m271,om651
Mercedes-Benz|Classe A W176|2012|2018|berline|mb_w176|m270,om607
Mercedes-Benz|Classe A W177|2018||berline|mb_w177|m282,om608
Mercedes-Benz|Vito W639|2003|2014|utilitaire|mb_vito639|om646
Mercedes-Benz|Vito W447|2014||utilitaire|mb_vito447|om622,om651v
Mercedes-Benz|Sprinter 906|2006|2018|utilitaire|sprinter906|om646s,om651s
Mercedes-Benz|Citan W415|2012|2021|utilitaire|ren_kangoo2|om607c
Mercedes-Benz|Classe X|2017|2020|pick-up|nis_d23|x250d
BMW|Série 3 E90|2005|2012|berline|bmw_e90|n46,n47a,n47c
BMW|Série 3 F30|2012|2019|berline|bmw_f30|n13,n47c,b47
BMW|Série 1 F20|2011|2019|berline|bmw_f20|n13b,n47s
BMW|Série 5 F10|2010|2017|berline|bmw_f10|n47f
BMW|X1 E84|2009|2015|suv|bmw_e84|n47x
Isuzu|D-Max I|2002|2012|pick-up|isuzu_dmax1|4ja1,4jk1,4jj1
Isuzu|D-Max II|2012|2020|pick-up|isuzu_dmax2|4jk1,4jj1,rz4e
Isuzu|D-Max III|2020||pick-up|isuzu_dmax3|rz4e
Chery|Tiggo 2|2017||suv|chery_t2|e4g15
Chery|Tiggo 3|2014|2020|suv|chery_t3|e4g16
Chery|Tiggo 4 Pro|2020||suv|chery_t4|e4g15,e4t15
Chery|Tiggo 7 Pro|2020||suv|chery_t7|e4t15
Chery|Arrizo 5|2016||berline|chery_a5|e4g15
MG|MG3|2011|2024|citadine|mg3|15s4c
MG|ZS|2017||suv|mg_zs|15s4c
MG|MG5|2020||berline|mg5|15s4c
MG|HS|2018||suv|mg_hs|15e4e
Geely|Emgrand 7|2016||berline|geely_ec7|jl4g15
Geely|GX3 Pro|2020||suv|geely_gx3|jl4g15
Geely|Coolray|2019||suv|geely_cmab|jlh15
Great Wall|Wingle 5|2010||pick-up|gw_wingle|gw4d20
Great Wall|Wingle 7|2018||pick-up|gw_wingle7|gw4d20
Great Wall|Poer|2020||pick-up|gw_poer|gw4d20m
Haval|H6|2017|2021|suv|gw_h6|gw4g15
Haval|Jolion|2021||suv|gw_jolion|gw4g15
Mitsubishi|L200 IV|2005|2015|pick-up|mit_l200a|4d56,4d56b
Mitsubishi|L200 V|2015||pick-up|mit_l200b|4n15,4n15b
Mitsubishi|Pajero Sport II|2008|2015|suv|mit_l200a|4d56b
Mitsubishi|ASX|2010||suv|mit_gs|4a92,4n13
Mitsubishi|Lancer X|2007|2017|berline|mit_gs|4a91,4b11
Mitsubishi|Attrage|2013||berline|mit_mirage|3a92
Mitsubishi|Space Star|2013||citadine|mit_mirage|3a92
`
// chassis groups whose rear axle uses drums (small cars)
const DRUM_CHASSIS = new Set(
  "psa_pf1a psa_pf1b psa_pf1c psa_cmp psa_m49 ren_b ren_b0 ren_b0k ren_clio3 ren_cmfb ren_cmfb2 nis_v pq24 pq25 pq26 mqb_a0 nsf hk_a hk_a2 hk_a3 hk_b hk_b2 fiat_small fiat_punto fiat_siena fiat_linea fiat_fiorino toy_aygo toy_yaris toy_vios suz_alto suz_swift3 suz_swift4 suz_swift5 ford_fiesta ford_fiesta7 mit_mirage chery_t2 chery_a5 mg3 geely_ec7 geely_gx3 psa_405 gw_wingle gw_wingle7 gw_poer isuzu_dmax1 isuzu_dmax2 isuzu_dmax3 toy_hilux7 toy_hilux8 nis_d22 nis_d40 mit_l200a mit_l200b ford_ranger amarok hk_truck".split(
    " "
  )
)
const LEAF_SPRING = new Set(
  "gw_wingle gw_wingle7 gw_poer isuzu_dmax1 isuzu_dmax2 isuzu_dmax3 toy_hilux7 toy_hilux8 nis_d22 nis_d40 nis_d23 mit_l200a mit_l200b ford_ranger amarok hk_truck".split(
    " "
  )
)

const MAKE_WEIGHT = {
  Peugeot: 10,
  Renault: 9,
  Citroën: 7,
  Dacia: 7,
  Volkswagen: 8,
  Kia: 7,
  Hyundai: 7,
  Fiat: 6,
  Toyota: 6,
  Seat: 4,
  Skoda: 4,
  Ford: 4,
  Opel: 4,
  Nissan: 4,
  Suzuki: 4,
  "Mercedes-Benz": 3,
  Isuzu: 3,
  Chery: 3,
  MG: 2,
  BMW: 2,
  Audi: 2,
  Mitsubishi: 3,
  Geely: 2,
  "Great Wall": 2,
  Haval: 1,
}

module.exports = { MODELS_TXT, DRUM_CHASSIS, LEAF_SPRING, MAKE_WEIGHT }
