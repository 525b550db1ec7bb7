/* user/bin/true.c — true — succeed. */
int main(void)
{
	return 0;
}
