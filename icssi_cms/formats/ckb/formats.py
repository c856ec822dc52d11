# Sorani (CLDR ckb): the izafe -ی joins day, month and year: 18ی کانوونی دووەمی 2017,
# حوزەیرانی 2015, چوارشەممە، 18ی کانوونی دووەمی 2017. See icssi_cms/formats/.
DATE_FORMAT = "jی Fی Y"
YEAR_MONTH_FORMAT = "Fی Y"
WEEKDAY_DATE_FORMAT = "l، jی Fی Y"
MONTH_DAY_FORMAT = "jی F"
DATETIME_FORMAT = "jی Fی Y، H:i"
SHORT_DATE_FORMAT = "Y/m/d"
SHORT_DATETIME_FORMAT = "Y/m/d H:i"
