/** Engines of the vehicle base (from general knowledge). */
"use strict"

// id|label|code|cc|hp|fuel|cyl|family|timing drive
const ENGINES_TXT = `
tu1|1.1i|HFX (TU1JP)|1124|60|essence|4|TU|courroie
tu3|1.4i|KFV (TU3JP)|1360|75|essence|4|TU|courroie
tu5|1.6 16V|NFU (TU5JP4)|1587|109|essence|4|TU5|courroie
ec5|1.6 VTi 115|NFP (EC5)|1587|115|essence|4|TU5|courroie
xu5|1.6|BFZ (XU5M)|1580|88|essence|4|XU|courroie
ew10|2.0 16V|RFN (EW10J4)|1997|136|essence|4|EW|courroie
ep3|1.4 VTi|8FS (EP3C)|1397|95|essence|4|EP|chaîne
ep6|1.6 VTi|5FS (EP6C)|1598|120|essence|4|EP|chaîne
ep6t|1.6 THP 156|5FV (EP6CDT)|1598|156|essence|4|EP|chaîne
eb0|1.0 VTi 68|ZMZ (EB0)|999|68|essence|3|EB|courroie
eb2|1.2 PureTech 82|HMZ (EB2F)|1199|82|essence|3|EB|courroie
eb2t|1.2 PureTech 110|HNY (EB2DT)|1199|110|essence|3|EBT|courroie
eb2ts|1.2 PureTech 130|HNS (EB2DTS)|1199|131|essence|3|EBT|courroie
f12xe|1.2|F12XE (EB2F)|1199|75|essence|3|EB|courroie
xud9|1.9 D|D9B (XUD9A)|1905|70|diesel|4|XUD|courroie
dw8|1.9 D|WJY (DW8B)|1868|69|diesel|4|DW8|courroie
dv4|1.4 HDi|8HX (DV4TD)|1398|68|diesel|4|DV4|courroie
dv4c|1.4 HDi|8HR (DV4C)|1398|68|diesel|4|DV4|courroie
dv6a|1.6 HDi 90|9HX (DV6ATED4)|1560|90|diesel|4|DV6|courroie
dv6c|1.6 e-HDi 92|9HP (DV6DTED)|1560|92|diesel|4|DV6|courroie
dv6c115|1.6 e-HDi 115|9HR (DV6C)|1560|112|diesel|4|DV6|courroie
dv6fd|1.6 BlueHDi 100|BHY (DV6FD)|1560|99|diesel|4|DV6B|courroie
dv6fc|1.6 BlueHDi 120|BHZ (DV6FC)|1560|120|diesel|4|DV6B|courroie
dv5|1.5 BlueHDi 100|YHY (DV5RD)|1499|102|diesel|4|DV5|courroie
dv5c|1.5 BlueHDi 130|YHZ (DV5RC)|1499|131|diesel|4|DV5|courroie
d15dt|1.5 Diesel|D15DT (DV5RD)|1499|102|diesel|4|DV5|courroie
dw10|2.0 HDi 90|RHY (DW10TD)|1997|90|diesel|4|DW10|courroie
dw10b|2.0 HDi 136|RHR (DW10BTED4)|1997|136|diesel|4|DW10|courroie
dw10f|2.0 BlueHDi 150|AHX (DW10FD)|1997|150|diesel|4|DW10|courroie
dw10fu|2.0 BlueHDi 130|AHN (DW10FU)|1997|130|diesel|4|DW10|courroie
dw12|2.2 HDi 120|4HV (P22DTE)|2198|120|diesel|4|PUMA|chaîne
d7f|1.2|D7F 800|1149|60|essence|4|D4F|courroie
d4f|1.2 16V|D4F 740|1149|75|essence|4|D4F|courroie
k7j|1.4|K7J 710|1390|75|essence|4|K7|courroie
k7m|1.6 MPI|K7M 710|1598|87|essence|4|K7|courroie
k4m|1.6 16V|K4M 690|1598|105|essence|4|K4M|courroie
f4r|2.0 16V|F4R 771|1998|135|essence|4|F4R|courroie
h4m|1.6 SCe 115|H4M (HR16DE)|1598|115|essence|4|HR16|chaîne
h4bt|0.9 TCe 90|H4Bt 400|898|90|essence|3|H4|chaîne
h4d|1.0 SCe 73|H4D 400|999|73|essence|3|H4|chaîne
h4dt|1.0 TCe 90|H4Dt 450|999|91|essence|3|H4|chaîne
h5ft|1.2 TCe 120|H5Ft 400|1197|120|essence|4|H5F|chaîne
h5ht|1.3 TCe 140|H5Ht (HR13DDT)|1333|140|essence|4|H5H|chaîne
k9ka|1.5 dCi 65|K9K 700|1461|65|diesel|4|K9K|courroie
k9kb|1.5 dCi 75|K9K 796|1461|75|diesel|4|K9K|courroie
k9kc|1.5 dCi 90|K9K 608|1461|90|diesel|4|K9K|courroie
k9kd|1.5 dCi 110|K9K 636|1461|110|diesel|4|K9K|courroie
k9ke|1.5 Blue dCi 95|K9K 872|1461|95|diesel|4|K9K6|courroie
k9kf|1.5 Blue dCi 115|K9K 874|1461|115|diesel|4|K9K6|courroie
f9q|1.9 dCi 120|F9Q 800|1870|120|diesel|4|F9Q|courroie
r9m|1.6 dCi 130|R9M 402|1598|130|diesel|4|R9M|chaîne
m9r|2.0 dCi 150|M9R 610|1995|150|diesel|4|M9R|chaîne
m9t|2.3 dCi 125|M9T 880|2298|125|diesel|4|M9T|chaîne
mr20|2.0|MR20DE|1997|141|essence|4|MR20|chaîne
m4r|2.0 16V|M4R 711 (MR20DE)|1997|140|essence|4|MR20|chaîne
hr16|1.6|HR16DE|1598|110|essence|4|HR16|chaîne
hr15|1.5|HR15DE|1498|109|essence|4|HR16|chaîne
hr12|1.2|HR12DE|1198|80|essence|3|HR12|chaîne
cr12|1.2|CR12DE|1240|80|essence|4|CR|chaîne
yd25|2.5 dCi 190|YD25DDTi|2488|190|diesel|4|YD25|chaîne
yd25b|2.5 dCi 133|YD25DDTi|2488|133|diesel|4|YD25|chaîne
ys23|2.3 dCi 160|YS23DDT|2298|160|diesel|4|M9T|chaîne
x250d|250 d|YS23DDTT|2298|190|diesel|4|M9T|chaîne
cgpa|1.2 12V|CGPA|1198|70|essence|3|EA111-3|chaîne
bxw|1.4 16V|BXW|1390|86|essence|4|EA111|courroie
cggb|1.4 16V|CGGB|1390|85|essence|4|EA111|courroie
bky|1.4 16V|BKY|1390|75|essence|4|EA111|courroie
axp|1.4 16V|AXP|1390|75|essence|4|EA111|courroie
akl|1.6|AKL|1595|101|essence|4|EA113|courroie
bse|1.6|BSE|1595|102|essence|4|EA113|courroie
chya|1.0 MPI 60|CHYA|999|60|essence|3|EA211-3|courroie
chyb|1.0 MPI 65|CHYB|999|65|essence|3|EA211-3|courroie
dkla|1.0 TSI 95|DKLA|999|95|essence|3|EA211-3T|courroie
dkrf|1.0 TSI 110|DKRF|999|110|essence|3|EA211-3T|courroie
cjza|1.2 TSI 105|CJZA|1197|105|essence|4|EA211|courroie
cjzc|1.2 TSI 90|CJZC|1197|90|essence|4|EA211|courroie
czca|1.4 TSI 125|CZCA|1395|125|essence|4|EA211|courroie
czea|1.4 TSI 150|CZEA|1395|150|essence|4|EA211|courroie
cwva|1.6 MPI 110|CWVA|1598|110|essence|4|EA211|courroie
dada|1.5 TSI 150|DADA|1498|150|essence|4|EA211-EVO|courroie
cbzb|1.2 TSI 105|CBZB|1197|105|essence|4|EA111-T|chaîne
cbza|1.2 TFSI 86|CBZA|1197|86|essence|4|EA111-T|chaîne
caxa|1.4 TSI 122|CAXA|1390|122|essence|4|EA111-T|chaîne
cdhb|1.8 TFSI 160|CDHB|1798|160|essence|4|EA888|chaîne
bnv|1.4 TDI|BNV|1422|80|diesel|3|PD14|courroie
axr|1.9 TDI|AXR|1896|101|diesel|4|PD19|courroie
bxe|1.9 TDI|BXE|1896|105|diesel|4|PD19|courroie
bls|1.9 TDI|BLS|1896|105|diesel|4|PD19|courroie
axb|1.9 TDI 102|AXB|1896|102|diesel|4|PD19|courroie
bkd|2.0 TDI 140|BKD|1968|140|diesel|4|PD20|courroie
bkp|2.0 TDI 140|BKP|1968|140|diesel|4|PD20|courroie
cayb|1.6 TDI 90|CAYB|1598|90|diesel|4|EA189-16|courroie
cayc|1.6 TDI 105|CAYC|1598|105|diesel|4|EA189-16|courroie
cffb|2.0 TDI 140|CFFB|1968|140|diesel|4|EA189-20|courroie
caga|2.0 TDI 143|CAGA|1968|143|diesel|4|EA189-20|courroie
caac|2.0 TDI 140|CAAC|1968|140|diesel|4|EA189-20|courroie
cdca|2.0 TDI 163|CDCA|1968|163|diesel|4|EA189-20|courroie
cnea|2.0 BiTDI 180|CNEA|1968|180|diesel|4|EA189-20|courroie
cktb|2.0 TDI 109|CKTB|1968|109|diesel|4|EA189-20|courroie
clha|1.6 TDI 110|CLHA|1598|110|diesel|4|EA288-16|courroie
cxxb|1.6 TDI 110|CXXB|1598|110|diesel|4|EA288-16|courroie
dgta|1.6 TDI 95|DGTA|1598|95|diesel|4|EA288-16|courroie
cusb|1.4 TDI 90|CUSB|1422|90|diesel|3|EA288-14|courroie
crbc|2.0 TDI 150|CRBC|1968|150|diesel|4|EA288-20|courroie
dfga|2.0 TDI 150|DFGA|1968|150|diesel|4|EA288-20|courroie
dtta|2.0 TDI 150|DTTA|1968|150|diesel|4|EA288-20|courroie
cxha|2.0 TDI 150|CXHA|1968|150|diesel|4|EA288-20|courroie
g4he|1.0|G4HE|999|61|essence|4|EPSILON|courroie
g4hg|1.1|G4HG|1086|66|essence|4|EPSILON|courroie
g3la|1.0 MPI|G3LA|998|67|essence|3|KAPPA3|chaîne
g4la|1.25 MPI|G4LA|1248|85|essence|4|KAPPA|chaîne
g4lc|1.4 MPI|G4LC|1368|100|essence|4|KAPPA|chaîne
g3lc|1.0 T-GDi|G3LC|998|100|essence|3|KAPPA3|chaîne
g4fa|1.4 MPI|G4FA|1396|100|essence|4|GAMMA|chaîne
g4fc|1.6 MPI|G4FC|1591|123|essence|4|GAMMA|chaîne
g4fg|1.6 MPI|G4FG|1591|123|essence|4|GAMMA|chaîne
g4fd|1.6 GDi|G4FD|1591|135|essence|4|GAMMA|chaîne
g4ft|1.6 T-GDi 150|G4FT|1598|150|essence|4|GAMMA|chaîne
g4na|2.0 MPI|G4NA|1999|155|essence|4|NU|chaîne
d4fc|1.4 CRDi 90|D4FC|1396|90|diesel|4|U2|chaîne
d4fb|1.6 CRDi 128|D4FB|1582|128|diesel|4|U2|chaîne
d4fd|1.7 CRDi 115|D4FD|1685|115|diesel|4|U2|chaîne
d4fe|1.6 CRDi 136|D4FE|1598|136|diesel|4|U3|chaîne
d4ha|2.0 CRDi 136|D4HA|1995|136|diesel|4|R|chaîne
d4cb|2.5 CRDi 170|D4CB|2497|170|diesel|4|A2|chaîne
d4bb|2.5 D|D4BB|2476|80|diesel|4|D4B|courroie
d4bh|2.5 TCI|D4BH|2476|99|diesel|4|D4B|courroie
j2|2.7 D|J2|2665|80|diesel|4|J2|courroie
fire12|1.2 8V|169A4000|1242|69|essence|4|FIRE|courroie
fire14|1.4 8V|350A1000|1368|77|essence|4|FIRE|courroie
fire1416|1.4 16V|843A1000|1368|95|essence|4|FIRE16|courroie
mj13|1.3 Multijet 75|199A2000|1248|75|diesel|4|MJ13|chaîne
mj13b|1.3 Multijet 95|199B1000|1248|95|diesel|4|MJ13|chaîne
mj16|1.6 Multijet 105|198A2000|1598|105|diesel|4|MJ16|courroie
mj16b|1.6 Multijet 120|55260384|1598|120|diesel|4|MJ16|courroie
mj23|2.3 Multijet 130|F1AE3481D|2287|130|diesel|4|F1A|courroie
z12xep|1.2|Z12XEP|1229|80|essence|4|Z12|chaîne
a12xer|1.2|A12XER|1229|86|essence|4|Z12|chaîne
a14xer|1.4|A14XER|1398|100|essence|4|A14|chaîne
a14net|1.4 Turbo|A14NET|1364|140|essence|4|A14|chaîne
a13dte|1.3 CDTI 95|A13DTE|1248|95|diesel|4|MJ13|chaîne
a17dts|1.7 CDTI 130|A17DTS|1686|131|diesel|4|A17|courroie
b16dte|1.6 CDTI 110|B16DTE|1598|110|diesel|4|B16|chaîne
b10xft|1.0 Turbo 105|B10XFT|999|105|essence|3|B10|chaîne
1kr|1.0 VVT-i|1KR-FE|998|69|essence|3|1KR|chaîne
2sz|1.3 VVT-i|2SZ-FE|1298|87|essence|4|SZ|chaîne
1nr|1.33 Dual VVT-i|1NR-FE|1329|99|essence|4|NR|chaîne
2nr|1.5 Dual VVT-i|2NR-FE|1496|107|essence|4|NR|chaîne
1zr|1.6 Dual VVT-i|1ZR-FE|1598|132|essence|4|ZR|chaîne
3zr|2.0 Valvematic|3ZR-FAE|1987|152|essence|4|ZR|chaîne
2zrh|1.8 Hybrid|2ZR-FXE|1798|122|hybride|4|ZR|chaîne
m15a|1.5 Dynamic Force|M15A-FKS|1490|125|essence|3|M15|chaîne
m15h|1.5 Hybrid|M15A-FXE|1490|116|hybride|3|M15|chaîne
1nd|1.4 D-4D|1ND-TV|1364|90|diesel|4|1ND|chaîne
2kd|2.5 D-4D|2KD-FTV|2494|144|diesel|4|KD|courroie
1kd|3.0 D-4D|1KD-FTV|2982|171|diesel|4|KD|courroie
2gd|2.4 D-4D|2GD-FTV|2393|150|diesel|4|GD|chaîne
1gd|2.8 D-4D|1GD-FTV|2755|177|diesel|4|GD|chaîne
stja|1.25|STJA|1242|82|essence|4|SIGMA|courroie
hwda|1.6 16V|HWDA|1596|100|essence|4|SIGMA|courroie
pnda|1.6 Ti-VCT 125|PNDA|1596|125|essence|4|SIGMA|courroie
m1ja|1.0 EcoBoost 100|M1JA|999|100|essence|3|ECOBOOST|courroie
m1da|1.0 EcoBoost 125|M1DA|999|125|essence|3|ECOBOOST|courroie
kvja|1.4 TDCi 68|KVJA|1399|68|diesel|4|DV4|courroie
g8db|1.6 TDCi 109|G8DB|1560|109|diesel|4|DV6|courroie
t1da|1.6 TDCi 95|T1DA|1560|95|diesel|4|DV6|courroie
xujb|1.5 TDCi 85|XUJB|1499|85|diesel|4|DV6B|courroie
xxda|1.5 TDCi 120|XXDA|1499|120|diesel|4|DV6B|courroie
t7ma|2.0 TDCi 150|T7MA|1997|150|diesel|4|DW10|courroie
qj2r|2.2 TDCi 150|QJ2R|2198|150|diesel|4|PUMA|chaîne
sa2w|3.2 TDCi 200|SA2W|3198|200|diesel|5|PUMA|chaîne
drff|2.2 TDCi 125|DRFF|2198|125|diesel|4|PUMA|chaîne
ymf6|2.0 EcoBlue 130|YMF6|1995|130|diesel|4|ECOBLUE|courroie
m271|180 Kompressor|M 271.950|1796|156|essence|4|M271|chaîne
m274|200|M 274.920|1991|184|essence|4|M274|chaîne
m270|180|M 270.910|1595|122|essence|4|M270|chaîne
m282|200|M 282.914 (H5Ht)|1332|163|essence|4|H5H|chaîne
om651|220 CDI|OM 651.911|2143|170|diesel|4|OM651|chaîne
om651s|313 CDI|OM 651.955|2143|129|diesel|4|OM651|chaîne
om651v|114 CDI|OM 651.950|2143|136|diesel|4|OM651|chaîne
om654|220 d|OM 654.920|1950|194|diesel|4|OM654|chaîne
om646|111 CDI|OM 646.982|2148|109|diesel|4|OM646|chaîne
om646s|311 CDI|OM 646.985|2148|109|diesel|4|OM646|chaîne
om607|180 CDI|OM 607.951 (K9K)|1461|109|diesel|4|K9K|courroie
om607c|109 CDI|OM 607.951 (K9K)|1461|90|diesel|4|K9K|courroie
om608|180 d|OM 608.915 (K9K)|1461|116|diesel|4|K9K6|courroie
om622|111 CDI|OM 622.951 (R9M)|1598|114|diesel|4|R9M|chaîne
n46|318i|N46B20B|1995|143|essence|4|N46|chaîne
n13|316i|N13B16A|1598|136|essence|4|N13|chaîne
n13b|116i|N13B16A|1598|136|essence|4|N13|chaîne
n47a|318d|N47D20A|1995|143|diesel|4|N47|chaîne
n47c|320d|N47D20C|1995|184|diesel|4|N47|chaîne
n47f|520d|N47D20C|1995|184|diesel|4|N47|chaîne
n47x|sDrive18d|N47D20C|1995|143|diesel|4|N47|chaîne
n47s|116d|N47D16A|1598|116|diesel|4|N47|chaîne
b47|320d|B47D20A|1995|190|diesel|4|B47|chaîne
k10b|1.0|K10B|998|68|essence|3|K10|chaîne
k12b|1.2 VVT|K12B|1242|94|essence|4|K12|chaîne
k12m|1.2 Dualjet|K12M|1242|90|essence|4|K12|chaîne
k14c|1.4 Boosterjet|K14C|1373|140|essence|4|K14|chaîne
k15b|1.5 VVT|K15B|1462|102|essence|4|K15|chaîne
m13a|1.3|M13A|1328|92|essence|4|M|chaîne
m16a|1.6 VVT|M16A|1586|117|essence|4|M|chaîne
ddis13|1.3 DDiS|D13A (Z13DT)|1248|75|diesel|4|MJ13|chaîne
d16aa|1.6 DDiS|D16AA|1598|120|diesel|4|MJ16|courroie
4d56|2.5 DI-D 136|4D56 HP|2477|136|diesel|4|4D56|courroie
4d56b|2.5 DI-D 178|4D56 HP|2477|178|diesel|4|4D56|courroie
4n15|2.4 DI-D 154|4N15|2442|154|diesel|4|4N15|chaîne
4n15b|2.4 DI-D 181|4N15|2442|181|diesel|4|4N15|chaîne
4a91|1.5 MIVEC|4A91|1499|109|essence|4|4A9|chaîne
4a92|1.6 MIVEC|4A92|1590|117|essence|4|4A9|chaîne
4b11|2.0 MIVEC|4B11|1998|150|essence|4|4B1|chaîne
4n13|1.8 DI-D|4N13|1798|116|diesel|4|4N13|chaîne
3a92|1.2 MIVEC|3A92|1193|80|essence|3|3A9|chaîne
4ja1|2.5 D|4JA1|2499|80|diesel|4|4JA1|courroie
4jk1|2.5 TD|4JK1-TC|2499|136|diesel|4|4JJ|chaîne
4jj1|3.0 TD|4JJ1-TC|2999|163|diesel|4|4JJ|chaîne
rz4e|1.9 Ddi|RZ4E-TC|1898|163|diesel|4|RZ4E|chaîne
e4g15|1.5|SQRE4G15|1497|106|essence|4|E4G15|chaîne
e4g16|1.6 DVVT|SQRE4G16|1598|126|essence|4|E4G15|chaîne
e4t15|1.5 Turbo|SQRE4T15B|1498|147|essence|4|E4T15|chaîne
15s4c|1.5 VTi-Tech|15S4C|1498|106|essence|4|MG15|chaîne
15e4e|1.5 T-GDI|15E4E|1490|162|essence|4|MG15T|chaîne
jl4g15|1.5|JL4G15|1498|103|essence|4|JL4G|chaîne
jlh15|1.5 TD|JLH-3G15TD|1477|177|essence|3|JLH|chaîne
gw4d20|2.0 D|GW4D20|1996|143|diesel|4|GW4D20|chaîne
gw4d20m|2.0 D 150|GW4D20M|1996|150|diesel|4|GW4D20|chaîne
gw4g15|1.5 T|GW4G15B|1497|150|essence|4|GW4G15|chaîne
`

module.exports = { ENGINES_TXT }
