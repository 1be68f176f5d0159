import { z } from 'zod';
import { method } from './define';
import { countryCode, id, optionalEmail, optionalText, requiredText } from './fields';
import type { Customer } from './types';

/** The customer block of the paper order form. Trimmed; blank optional fields become "". */
export const CustomerDetailsInput = z.object({
  name: requiredText('Name', 200),
  address: optionalText('Address', 500),
  country: countryCode('Country'),
  city: optionalText('City', 120),
  postalCode: optionalText('Zip code', 20),
  phone: optionalText('Tel.', 60),
  email: optionalEmail('E-mail'),
});

export const CustomerInput = CustomerDetailsInput.extend({
  id: id('Customer').optional(),
  notes: optionalText('Notes', 5000),
});

export const customerMethods = {
  'customers.search': method<{ customers: Customer[] }>()(
    z.object({
      query: optionalText('Search', 200),
      limit: z.number().int().min(1).max(200).default(20),
    }),
  ),
  'customers.get': method<{ customer: Customer }>()(z.object({ id: id('Customer') })),
  'customers.save': method<{ customer: Customer }>()(CustomerInput),
};
