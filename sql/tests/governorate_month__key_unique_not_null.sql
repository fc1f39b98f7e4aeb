select governorate, month, count(*) as n
from governorate_month
group by governorate, month
having governorate is null or month is null or count(*) > 1
