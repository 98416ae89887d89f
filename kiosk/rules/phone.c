/* Mobile numbers; see phone.h. */
#include "phone.h"

#include <string.h>

int phone_mobile_valid(const char *phone)
{
	if (phone == NULL || strnlen(phone, 12) != 11 || phone[0] != '1' || phone[1] < '3' || phone[1] > '9')
		return 0;
	for (int i = 2; i < 11; i++)
		if (phone[i] < '0' || phone[i] > '9')
			return 0;
	return 1;
}
